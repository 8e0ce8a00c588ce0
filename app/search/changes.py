"""What a search changes: new, updated, unchanged, reopened and closed jobs, and what to score.

The rules (docs/search.md):

- A posting is identified by (source, external_id). Unknown: **new**. Known but closed:
  **reopened**. Known with another content hash: **updated**. Otherwise **unchanged**
  (only ``last_seen_at`` moves, and the URL, posted date or ``group_key`` if they changed:
  a new grouping rule regroups stored jobs as they are seen again).
- **Closing**: a stored open job whose source answered completely
  (``SourceResult.complete``) and did not list it any more gets ``closed_at``. Jobs of
  failed sources, feeds and page-capped fetches are never closed; nothing is deleted.
- **Incomplete postings** (a SmartRecruiters posting whose detail request failed, see
  ``app.sources.base.mark_incomplete``) never replace a stored job with less: a known one
  counts as unchanged (or reopened) and keeps everything stored, description, pay and URL
  included; it is only marked seen (and open). A new one is stored as it is.
- **Rescoring**: a job is scored again only when its content hash, the profile's
  fingerprint (``MatchProfile.fingerprint()``) or ``SCORER_VERSION`` differ from what its
  stored score was made with. Open jobs this search did not fetch (a failed source, a
  pasted posting) are rescored by the same rule, so every open job has a current score;
  so are known jobs fetched incomplete, by their stored content.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Collection, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from app.matching import SCORER_VERSION
from app.sources.base import is_incomplete
from app.sources.models import Posting
from app.storage.jobs import GROUP_KEY_MAX, Key, StoredJob, fit_external_id

T = TypeVar("T")
SLICE_SECONDS = 0.005


async def sliced(items: Iterable[T]) -> AsyncIterator[T]:
    """Iterate, yielding to the event loop every few milliseconds."""
    deadline = time.perf_counter() + SLICE_SECONDS
    for item in items:
        yield item
        if time.perf_counter() >= deadline:
            await asyncio.sleep(0)
            deadline = time.perf_counter() + SLICE_SECONDS


async def release(*collections: list | dict | set, chunk: int = 2000) -> None:
    """Empty big collections a chunk at a time, yielding between chunks: dropping 20,000
    postings and scores in one go frees a few hundred thousand objects at once, which
    holds the loop for tens of milliseconds."""
    for items in collections:
        while items:
            if isinstance(items, list):
                del items[-chunk:]
            elif isinstance(items, dict):
                for _ in range(min(chunk, len(items))):
                    items.popitem()
            else:
                for _ in range(min(chunk, len(items))):
                    items.pop()
            await asyncio.sleep(0)


def is_fresh(stored: StoredJob | None, content_hash: str, fingerprint: str) -> bool:
    """True when the stored score was made for this content, profile and scorer version."""
    return (
        stored is not None
        and stored.match_hash == content_hash
        and stored.match_fingerprint == fingerprint
        and stored.match_scorer_version == SCORER_VERSION
    )


@dataclass(slots=True)
class Distinct:
    """Fetched postings with repeats of one (source, external_id) dropped.

    Attributes:
        postings: each posting once, in fetch order.
        jobs: distinct jobs (``group_key``s) among them.
        duplicates: postings that are another posting's job (same ``group_key``): stored
            all the same, and shown once (the listing picks which, ``app.storage.job_listing``).
    """

    postings: list[Posting] = field(default_factory=list)
    jobs: int = 0
    duplicates: int = 0


async def distinct(postings: Iterable[Posting]) -> Distinct:
    """``app.sources.dedupe``'s grouping and counts, in slices: at 20,000 postings that
    function holds the loop for 35-95 ms in one go, and a search needs only the counts
    (which posting to show is chosen when the jobs are read). Over-long ids are made to
    fit their column here, before anything is keyed by them."""
    out = Distinct()
    keys: set[Key] = set()
    groups: set[str] = set()
    async for p in sliced(postings):
        p.external_id = fit_external_id(p.external_id)
        key = (p.source, p.external_id)
        if key in keys:
            continue
        keys.add(key)
        out.postings.append(p)
        group = p.group_key or f"~{p.source}:{p.external_id}"
        if group in groups:
            out.duplicates += 1
        else:
            groups.add(group)
    out.jobs = len(groups)
    return out


@dataclass(slots=True)
class Changes:
    """The outcome of comparing fetched postings with the stored jobs."""

    upserts: list[Posting] = field(default_factory=list)
    touch_ids: list[int] = field(default_factory=list)
    close_ids: list[int] = field(default_factory=list)
    seen: set[Key] = field(default_factory=set)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    reopened: int = 0


async def compare(
    postings: Iterable[Posting], stored: dict[Key, StoredJob], complete_sources: Collection[str]
) -> Changes:
    """Classify ``postings`` (unique by key) against ``stored`` (see the module docstring)."""
    changes = Changes()
    async for p in sliced(postings):
        key = (p.source, p.external_id)
        changes.seen.add(key)
        old = stored.get(key)
        if old is None:
            changes.new += 1
            changes.upserts.append(p)
        elif old.closed:
            changes.reopened += 1
            changes.upserts.append(p)  # an incomplete one keeps its content: storage.jobs
        elif is_incomplete(p):
            changes.unchanged += 1
            changes.touch_ids.append(old.id)
        elif old.content_hash != p.content_hash:
            changes.updated += 1
            changes.upserts.append(p)
        else:
            changes.unchanged += 1
            regroup = old.group_key is not None and old.group_key != p.group_key[:GROUP_KEY_MAX]
            if old.url != p.url or old.posted_at != p.posted_at or regroup:
                changes.upserts.append(p)
            else:
                changes.touch_ids.append(old.id)
    complete = set(complete_sources)
    async for key, old in sliced(stored.items()):
        if not old.closed and old.source in complete and key not in changes.seen:
            changes.close_ids.append(old.id)
    return changes


@dataclass(slots=True)
class ScoringPlan:
    """Which postings to score now, and which stored open jobs to load and score again."""

    fetched: list[Posting] = field(default_factory=list)
    stale_ids: list[int] = field(default_factory=list)
    skipped: int = 0


async def plan_scoring(
    postings: Iterable[Posting],
    stored: dict[Key, StoredJob],
    changes: Changes,
    fingerprint: str,
) -> ScoringPlan:
    plan = ScoringPlan()
    async for p in sliced(postings):
        old = stored.get((p.source, p.external_id))
        if old is not None and is_incomplete(p):  # scored by its stored content
            if is_fresh(old, old.content_hash, fingerprint):
                plan.skipped += 1
            else:
                plan.stale_ids.append(old.id)
        elif is_fresh(old, p.content_hash, fingerprint):
            plan.skipped += 1
        else:
            plan.fetched.append(p)
    closing = set(changes.close_ids)
    async for key, old in sliced(stored.items()):
        if old.closed or key in changes.seen or old.id in closing:
            continue
        if is_fresh(old, old.content_hash, fingerprint):
            plan.skipped += 1
        else:
            plan.stale_ids.append(old.id)
    return plan
