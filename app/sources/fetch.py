"""Fetch many sources at once; one failing source never fails the whole search."""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import httpx

from app.sources.base import FetchContext
from app.sources.http import Fetcher, FetchPolicy, SourceFetchError
from app.sources.models import Posting
from app.sources.registry import get_adapter
from app.sources.spec import SourceSpec, parse_spec

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SourceProgress:
    """One progress event.

    Attributes:
        spec: the source concerned.
        state: "started", "done" or "failed".
        postings: postings fetched from this source (0 until done).
        error: the reason, when failed.
        finished: sources finished so far (done or failed), of ``total``.
    """

    spec: SourceSpec
    state: Literal["started", "done", "failed"]
    postings: int
    error: str | None
    finished: int
    total: int


@dataclass(slots=True)
class SourceResult:
    """One source's outcome.

    Attributes:
        complete: the fetch succeeded and returned the whole board, so a stored posting
            of this source that is not in ``postings`` has closed. False for failed
            sources, feeds (latest entries only) and page-capped fetches: never mark
            postings closed from those.
        warnings: what the person should know about a fetch that succeeded all the
            same (some details failed, the board is empty).
    """

    spec: SourceSpec
    postings: list[Posting] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    complete: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(slots=True)
class FetchReport:
    """What ``fetch_all`` brings back.

    Attributes:
        postings: every posting from every source that worked, in spec order.
        failures: (spec, reason) for each source that failed.
        warnings: (spec, message) for each warning of a source that worked.
        results: one ``SourceResult`` per spec, in spec order.
        requests: HTTP requests made (retries included).
        seconds: wall time of the whole fetch.
    """

    postings: list[Posting] = field(default_factory=list)
    failures: list[tuple[SourceSpec, str]] = field(default_factory=list)
    warnings: list[tuple[SourceSpec, str]] = field(default_factory=list)
    results: list[SourceResult] = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0


ProgressCallback = Callable[[SourceProgress], Any]


async def fetch_source(
    ctx: FetchContext, spec: SourceSpec, *, timeout: float | None = None
) -> list[Posting]:
    """Fetch one source; raises ``SourceFetchError`` for every kind of failure."""
    adapter = get_adapter(spec.kind)
    try:
        async with asyncio.timeout(timeout):
            return await adapter.fetch(ctx, spec)
    except SourceFetchError:
        raise
    except TimeoutError:
        raise SourceFetchError(spec.key, f"took longer than {timeout:g} s; stopped") from None
    except Exception as exc:  # an adapter bug or an unexpected response shape
        log.exception("source %s failed unexpectedly", spec.key)
        raise SourceFetchError(
            spec.key, f"unexpected error reading the response: {type(exc).__name__}: {exc}"
        ) from exc


async def fetch_all(
    client: httpx.AsyncClient,
    specs: Iterable[SourceSpec | str],
    *,
    on_progress: ProgressCallback | None = None,
    cache_dir: Path | str | None = None,
    policy: FetchPolicy | None = None,
    fetcher: Fetcher | None = None,
    source_timeout: float | None = 300.0,
) -> FetchReport:
    """Fetch every source concurrently (within the per-host limits) and report per source.

    Args:
        client: the app's shared ``httpx.AsyncClient``; never closed here.
        specs: ``SourceSpec``s or ``KIND:ID`` strings; repeated keys are fetched once.
        on_progress: called (or awaited, if it returns an awaitable) with a
            ``SourceProgress`` when each source starts and ends. An exception it raises
            cancels the fetch (use that for a user's cancel).
        cache_dir: where Remotive's response is cached; None disables that cache.
        policy: limits, timeouts and retries (``FetchPolicy()`` by default).
        fetcher: reuse a ``Fetcher`` (and its per-host limits) across calls.
        source_timeout: wall-clock limit for one source, all pages and retries included.

    Cancelling the calling task cancels every source fetch.
    """
    started = time.perf_counter()
    unique: dict[str, SourceSpec] = {}
    for s in specs:
        spec = parse_spec(s) if isinstance(s, str) else s
        unique.setdefault(spec.key, spec)
    spec_list = list(unique.values())
    fetcher = fetcher or Fetcher(client, policy)
    requests_before = fetcher.requests_made
    ctx = FetchContext(fetcher=fetcher, cache_dir=Path(cache_dir) if cache_dir else None)
    results = [SourceResult(spec) for spec in spec_list]
    finished = 0

    async def notify(event: SourceProgress) -> None:
        if on_progress is not None:
            outcome = on_progress(event)
            if inspect.isawaitable(outcome):
                await outcome

    async def run_one(result: SourceResult) -> None:
        nonlocal finished
        spec = result.spec
        await notify(SourceProgress(spec, "started", 0, None, finished, len(spec_list)))
        t0 = time.perf_counter()
        try:
            result.postings = await fetch_source(ctx, spec, timeout=source_timeout)
        except SourceFetchError as exc:
            result.error = exc.reason
        else:
            result.complete = (
                get_adapter(spec.kind).lists_everything and spec.key not in ctx.truncated
            )
            result.warnings = ctx.warnings.get(spec.key, [])
        result.seconds = time.perf_counter() - t0
        finished += 1
        state: Literal["done", "failed"] = "done" if result.ok else "failed"
        await notify(
            SourceProgress(
                spec, state, len(result.postings), result.error, finished, len(spec_list)
            )
        )

    try:
        async with asyncio.TaskGroup() as group:
            for result in results:
                group.create_task(run_one(result))
    except BaseExceptionGroup as eg:  # a progress callback raised: surface it as itself
        raise eg.exceptions[0] from None

    report = FetchReport(results=results)
    for result in results:
        if result.ok:
            report.postings.extend(result.postings)
            report.warnings.extend((result.spec, w) for w in result.warnings)
        else:
            report.failures.append((result.spec, result.error or "failed"))
    report.requests = fetcher.requests_made - requests_before
    report.seconds = time.perf_counter() - started
    return report
