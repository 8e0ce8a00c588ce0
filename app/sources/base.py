"""What every source adapter shares: the fetch context, the adapter shape, and the few
rules about what a fetch may claim (an incomplete posting, an empty board)."""

from __future__ import annotations

import asyncio
import re
import time
import weakref
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.sources.employment_type import employment_type
from app.sources.http import Fetcher
from app.sources.models import Posting
from app.sources.normalize import content_hash
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
        warnings: per source key, what the person should know about a fetch that still
            succeeded (details that failed, an empty board); see ``warn``.
    """

    fetcher: Fetcher
    cache_dir: Path | None = None
    truncated: set[str] = field(default_factory=set)
    warnings: dict[str, list[str]] = field(default_factory=dict)

    def warn(self, source: str, message: str) -> None:
        """Note a problem with ``source`` that does not fail it (shown as a run warning)."""
        notes = self.warnings.setdefault(source, [])
        if message not in notes:
            notes.append(message)


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


#: ``Posting.extra`` key: the posting lacks content its source normally gives (its
#: detail request failed). A search never lets it overwrite a stored job's content.
INCOMPLETE = "incomplete"


def mark_incomplete(posting: Posting) -> Posting:
    posting.extra[INCOMPLETE] = True
    return posting


def is_incomplete(posting: Posting) -> bool:
    return bool(posting.extra.get(INCOMPLETE))


def warn_if_empty(ctx: FetchContext, spec: SourceSpec, listed: list[Any], what: str) -> None:
    """For APIs that answer an unknown board with an empty list instead of a 404: a board
    that lists nothing is more often a mistyped ``what`` ("company id") than a company
    not hiring, so say so rather than report 0 postings in silence."""
    if not listed:
        ctx.warn(spec.key, f"no postings: check the {what} '{spec.id}'")


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


# The kind of employment as a description states it: a clause that is only the kind
# ("Part-time, 20 hours per week", "Wir bieten: Vollzeit, unbefristet"), or the kind
# naming the job ("this is a full-time position", "on a part-time basis"). Mentions
# such as "our full-time staff" or "part-time options" say nothing about this job.
# The kinds (full-time, part-time, permanent, fixed-term, temporary, freelance, contract,
# internship, Vollzeit, Teilzeit) are written first letter apart: twice as fast to scan.
_KIND_RE = re.compile(
    r"\b[fptciv](?:ull[- ]?time|art[- ]?time|ermanent|ixed[- ]term|emporary|reelance|ontract"
    r"|nternship|ollzeit|eilzeit)\b",
    re.I,
)
_CLAUSE_START_RE = re.compile(r"(?:^|[.;:!?,()\n\u2022|])[ \t*-]*$")
_CLAUSE_END_RE = re.compile(r"[ \t]*(?:$|[.;:!?,()\n\u2022|]|(?:/|&|and|or)\s)", re.I)
_OF_JOB_RE = re.compile(
    r"\s+(?:role|position|job|post|vacancy|opportunity|contract|basis|employment)\b", re.I
)
_NEGATED_RE = re.compile(r"\b(?:not an?|no|non)[ -]$", re.I)
_SENTENCE_END_RE = re.compile(r"[.;!?\n]")


def employment_from_text(text: str | None) -> str | None:
    """The employment type a description states (see above), or None; the earliest
    statement wins, read with the kinds listed beside it in its sentence ("Permanent,
    part-time" is part-time). For sources with no employment field (Greenhouse, pasted
    text)."""
    if not text:
        return None
    for m in _KIND_RE.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if _OF_JOB_RE.match(text, m.end()) and not _NEGATED_RE.search(before):
            return employment_type(m.group())
        if _CLAUSE_START_RE.search(before) and _CLAUSE_END_RE.match(text, m.end()):
            end = _SENTENCE_END_RE.search(text, m.end())
            sentence = text[m.start() : end.start() if end else len(text)]
            return employment_type(" ".join(k.group() for k in _KIND_RE.finditer(sentence)))
    return None


def with_employment_from_text(posting: Posting) -> Posting:
    """Give a posting whose source had no employment type the one its description states
    (``employment_from_text``); its content hash follows."""
    if posting.employment_type is None:
        found = employment_from_text(posting.description)
        if found is not None:
            posting.employment_type = found
            posting.content_hash = content_hash(posting)
    return posting
