"""What every source adapter shares: the fetch context and the adapter shape."""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.sources.http import Fetcher
from app.sources.models import Posting
from app.sources.spec import SourceSpec


@dataclass(slots=True)
class FetchContext:
    """Passed to every adapter.

    Attributes:
        fetcher: the run's ``Fetcher`` (shared client, per-host limits, retries).
        cache_dir: where sources whose terms ask for few calls (Remotive) keep responses;
            None disables such caching.
        truncated: keys of sources that returned only part of their board (a page cap
            was reached); their missing postings must not be taken as closed.
    """

    fetcher: Fetcher
    cache_dir: Path | None = None
    truncated: set[str] = field(default_factory=set)


FetchFn = Callable[[FetchContext, SourceSpec], Awaitable[list[Posting]]]


@dataclass(frozen=True, slots=True)
class Adapter:
    """One source kind.

    Attributes:
        kind: the ``KIND`` in ``KIND:ID``.
        default_base: API host used when the spec has no ``base_url`` ("" for files).
        fetch: ``async fetch(ctx, spec) -> list[Posting]``; raises ``SourceFetchError``.
        terms: one line on the source's terms and limits (shown in docs and Settings).
        lists_everything: True when a successful fetch returns every open posting of the
            board, so a posting that is no longer there has closed. False for feeds,
            which show only the latest entries.
    """

    kind: str
    default_base: str
    fetch: FetchFn
    terms: str = ""
    lists_everything: bool = True


def base_url(spec: SourceSpec, default: str) -> str:
    return (spec.base_url or default).rstrip("/")


def company_from_spec(spec: SourceSpec) -> str:
    """The company name when a board's API does not say it: the spec's name, else the
    board token made readable ("acme-labs" -> "Acme Labs")."""
    if spec.name:
        return spec.name
    return " ".join(part.capitalize() for part in spec.id.replace("_", "-").split("-") if part)


SLICE_SECONDS = 0.005


async def map_postings(
    items: Iterable[Any], build: Callable[..., Posting | None], *args: Any
) -> list[Posting]:
    """``[build(item, *args) for item in items]`` without None, yielding to the event loop
    every ``SLICE_SECONDS`` so a 10,000-posting board never freezes the UI or the other
    downloads (normalising one posting takes about 0.1 ms).

    One source is normalised at a time: slices of several sources that become ready
    together would otherwise all run in one turn of the loop (N × 5 ms stalls)."""
    out: list[Posting] = []
    async with _normalising_lock():
        deadline = time.perf_counter() + SLICE_SECONDS
        for item in items:
            posting = build(item, *args)
            if posting is not None:
                out.append(posting)
            if time.perf_counter() >= deadline:
                await asyncio.sleep(0)
                deadline = time.perf_counter() + SLICE_SECONDS
    return out


_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
    weakref.WeakKeyDictionary()
)


def _normalising_lock() -> asyncio.Lock:
    """One lock per event loop (a lock is bound to the loop that first uses it)."""
    loop = asyncio.get_running_loop()
    lock = _locks.get(loop)
    if lock is None:
        lock = _locks[loop] = asyncio.Lock()
    return lock
