"""Job and match writes for a search, and the small reads the search and the CLI need.

The jobs table is read for people by ``app.storage.job_listing``; this module is the
write side. One search is saved in one transaction (``save_search``), in batches that
each yield to the event loop, so a cancelled save leaves nothing half-written and a
big save never freezes the window.

Upserts go by (source, external_id) for jobs and (user, job, scorer) for matches, with
``INSERT ... ON CONFLICT`` on both SQLite and PostgreSQL, so two searches running at
once (the window and a CLI) cannot trip over a row the other just inserted. An
incomplete posting (its detail request failed: ``app.sources.base.is_incomplete``) is
inserted when new, but never overwrites a stored job: it only marks it seen and open.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import Awaitable, Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, null, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from app.sources.base import is_incomplete
from app.sources.models import Posting
from app.storage.database import Database
from app.storage.models import Job, Match, utcnow

#: Rows per statement: small enough that one batch never holds the loop for long.
BATCH = 250
_READ_PARTITION = 2000
_JOB = Job.__table__
_MATCH = Match.__table__
#: Column sizes from models.py that identify a job: see ``fit_external_id``.
SOURCE_MAX, EXTERNAL_ID_MAX = 200, 500
#: ``job.group_key`` is cut to this length when stored.
GROUP_KEY_MAX = 200
# Other column sizes: PostgreSQL enforces them, so long display values are cut to fit.
_LIMITS = {"url": 2000, "title": 500, "company": 300, "location": 300, "remote": 20,
           "salary_currency": 10, "salary_interval": 20, "employment_type": 50,
           "group_key": GROUP_KEY_MAX}  # fmt: skip
#: Fields a changed posting overwrites; first_seen_at never changes.
_CONTENT = ("url", "title", "company", "location", "remote", "salary_min", "salary_max",
            "salary_currency", "salary_interval", "description", "posted_at", "content_hash",
            "employment_type", "group_key", "last_seen_at")  # fmt: skip
#: What an incomplete posting may overwrite (and ``closed_at``, cleared by every upsert).
_INCOMPLETE = ("last_seen_at",)
_MATCH_FIELDS = ("run_id", "score", "reasons", "scorer_version", "job_content_hash",
                 "profile_version", "profile_fingerprint")  # fmt: skip

Key = tuple[str, str]
Execute = Callable[..., Awaitable[Any]]


@dataclass(slots=True)
class StoredJob:
    """What a search needs to know about a stored job (no description: these are many).

    The ``match_*`` fields are the user's stored score by the search's scorer, if any.
    """

    id: int
    source: str
    external_id: str
    content_hash: str
    closed: bool
    url: str | None
    posted_at: datetime | None
    match_hash: str | None = None
    match_scorer_version: str | None = None
    match_fingerprint: str | None = None
    #: The stored ``group_key`` ("" for none); None when not loaded. A search rewrites a
    #: job whose key differs from the one its posting gets now (the grouping rule changed).
    group_key: str | None = None


@dataclass(slots=True)
class MatchWrite:
    """One score to store; ``key`` is the job's (source, external_id)."""

    key: Key
    score: float
    reasons: dict[str, Any]
    scorer_version: str
    content_hash: str


@dataclass(slots=True)
class SearchWrite:
    """Everything one search writes.

    Attributes:
        upserts: postings to insert or overwrite (new, changed, reopened, moved URL).
        touch_ids: stored jobs seen again unchanged: only ``last_seen_at`` moves.
        close_ids: stored open jobs gone from a complete source.
        matches: scores made in this search.
    """

    user_id: int
    run_id: int | None
    scorer: str
    profile_version: int | None
    profile_fingerprint: str
    upserts: list[Posting] = field(default_factory=list)
    touch_ids: list[int] = field(default_factory=list)
    close_ids: list[int] = field(default_factory=list)
    matches: list[MatchWrite] = field(default_factory=list)


def _insert(db: Database) -> Any:
    return sqlite.insert if db.is_sqlite else postgresql.insert


def _chunks(items: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fit_external_id(value: str) -> str:
    """An id that fits its column: a longer one keeps its start and gets a hash of the
    whole as its end, so it stays unique and stable across searches."""
    if len(value) <= EXTERNAL_ID_MAX:
        return value
    digest = hashlib.sha256(value.encode()).hexdigest()[:40]
    return f"{value[: EXTERNAL_ID_MAX - 41]}~{digest}"


def job_values(posting: Posting, now: datetime) -> dict[str, Any]:
    """The ``job`` row for a posting, first seen (and last seen) ``now``."""
    values = {
        "source": posting.source,
        "external_id": posting.external_id,
        "url": posting.url,
        "title": posting.title,
        "company": posting.company,
        "location": posting.location,
        "remote": posting.remote,
        "salary_min": posting.salary_min,
        "salary_max": posting.salary_max,
        "salary_currency": posting.salary_currency,
        "salary_interval": posting.salary_interval,
        "description": posting.description,
        "posted_at": posting.posted_at,
        "content_hash": posting.content_hash,
        "employment_type": posting.employment_type,
        "group_key": posting.group_key or None,
        "first_seen_at": now,
        "last_seen_at": now,
        "closed_at": None,
    }
    for column, limit in _LIMITS.items():
        value = values[column]
        if isinstance(value, str) and len(value) > limit:
            values[column] = value[:limit]
    return values


async def load_stored_jobs(
    db: Database, user_id: int, *, sources: Collection[str], scorer: str
) -> dict[Key, StoredJob]:
    """Every open job, and every job of ``sources`` (closed ones too, so they can reopen),
    with the user's stored score by ``scorer``."""
    query = (
        select(Job.id, Job.source, Job.external_id, Job.content_hash, Job.closed_at, Job.url,
               Job.posted_at, Match.job_content_hash, Match.scorer_version,
               Match.profile_fingerprint, Job.group_key)
        .outerjoin(Match, and_(Match.job_id == Job.id, Match.user_id == user_id,
                               Match.scorer == scorer))
        .where(or_(Job.closed_at.is_(None), Job.source.in_(list(sources))))
    )  # fmt: skip
    stored: dict[Key, StoredJob] = {}
    async with db.engine.connect() as conn:
        result = await conn.stream(query.execution_options(yield_per=_READ_PARTITION))
        async for partition in result.partitions(_READ_PARTITION):
            for r in partition:
                stored[(r[1], r[2])] = StoredJob(
                    r[0], r[1], r[2], r[3], r[4] is not None, *r[5:10], r[10] or ""
                )
            await asyncio.sleep(0)
    return stored


async def load_postings(db: Database, job_ids: Sequence[int]) -> list[Posting]:
    """Stored jobs as ``Posting``s, to score them again (e.g. after a profile change)."""
    postings: list[Posting] = []
    for chunk in _chunks(job_ids):
        async with db.engine.connect() as conn:
            rows = (await conn.execute(select(_JOB).where(_JOB.c.id.in_(list(chunk))))).all()
        for r in rows:
            postings.append(Posting(
                source=r.source, external_id=r.external_id, url=r.url, title=r.title,
                company=r.company, location=r.location, remote=r.remote,
                employment_type=r.employment_type, salary_min=r.salary_min,
                salary_max=r.salary_max, salary_currency=r.salary_currency,
                salary_interval=r.salary_interval, description=r.description or "",
                posted_at=r.posted_at, content_hash=r.content_hash, group_key=r.group_key or "",
            ))  # fmt: skip
    return postings


class _Stopped(Exception):
    """The save was asked to stop: its transaction is rolled back."""


async def save_search(db: Database, write: SearchWrite) -> dict[Key, int]:
    """Write one search in one transaction; returns the job id of every upserted key.

    Cancelling the caller stops the save before its next batch and rolls it back. The
    save runs as its own task so that a cancel never lands inside a statement: with
    SQLite that leaves the write transaction open, and the database locked.
    """
    stop = asyncio.Event()
    task = asyncio.get_running_loop().create_task(_save(db, write, stop))
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        stop.set()
        with contextlib.suppress(_Stopped):
            await task
        raise


async def _save(db: Database, write: SearchWrite, stop: asyncio.Event) -> dict[Key, int]:
    now = utcnow()

    async def execute(statement: Any, rows: Any = None) -> Any:
        if stop.is_set():
            raise _Stopped
        result = await conn.execute(statement, rows)
        await asyncio.sleep(0)
        return result

    async with db.session() as session:
        conn = await session.connection()
        ids = await _upsert_jobs(db, execute, write.upserts, now)
        for chunk in _chunks(write.touch_ids):
            await execute(update(_JOB).where(_JOB.c.id.in_(list(chunk))).values(last_seen_at=now))
        for chunk in _chunks(write.close_ids):
            await execute(update(_JOB).where(_JOB.c.id.in_(list(chunk))).values(closed_at=now))
        missing = [m.key for m in write.matches if m.key not in ids]
        ids.update(await _ids_for(execute, missing))
        await _upsert_matches(db, execute, write, ids, now)
        if stop.is_set():
            raise _Stopped
    return ids


async def _upsert_jobs(
    db: Database, execute: Execute, postings: Sequence[Posting], now: datetime
) -> dict[Key, int]:
    complete = [p for p in postings if not is_incomplete(p)]
    incomplete = [p for p in postings if is_incomplete(p)]
    ids: dict[Key, int] = {}
    for batch, columns in ((complete, _CONTENT), (incomplete, _INCOMPLETE)):
        ins = _insert(db)(_JOB)
        stmt = ins.on_conflict_do_update(
            index_elements=["source", "external_id"],
            # NULL as a literal: a bound value in SET would make SQLAlchemy send rows one
            # by one.
            set_={**{c: ins.excluded[c] for c in columns}, "closed_at": null()},
        ).returning(_JOB.c.id, _JOB.c.source, _JOB.c.external_id)
        for chunk in _chunks(batch):
            rows = [job_values(p, now) for p in chunk]
            for job_id, source, external_id in (await execute(stmt, rows)).all():
                ids[(source, external_id)] = job_id
    return ids


async def _ids_for(execute: Execute, keys: Sequence[Key]) -> dict[Key, int]:
    """Job ids by (source, external_id), for keys this search did not upsert."""
    found: dict[Key, int] = {}
    by_source: dict[str, list[str]] = {}
    for source, external_id in keys:
        by_source.setdefault(source, []).append(external_id)
    for source, external_ids in by_source.items():
        for chunk in _chunks(external_ids):
            query = select(_JOB.c.id, _JOB.c.external_id).where(
                _JOB.c.source == source, _JOB.c.external_id.in_(list(chunk))
            )
            for job_id, external_id in (await execute(query)).all():
                found[(source, external_id)] = job_id
    return found


async def _upsert_matches(
    db: Database, execute: Execute, write: SearchWrite, ids: dict[Key, int], now: datetime
) -> None:
    ins = _insert(db)(_MATCH)
    stmt = ins.on_conflict_do_update(
        index_elements=["user_id", "job_id", "scorer"],
        set_={c: ins.excluded[c] for c in _MATCH_FIELDS},
    )
    for chunk in _chunks(write.matches):
        rows = [
            {
                "user_id": write.user_id,
                "job_id": ids[m.key],
                "run_id": write.run_id,
                "score": float(m.score),
                "reasons": m.reasons,
                "scorer": write.scorer,
                "scorer_version": m.scorer_version,
                "created_at": now,
                "job_content_hash": m.content_hash,
                "profile_version": write.profile_version,
                "profile_fingerprint": write.profile_fingerprint,
            }
            for m in chunk
            if m.key in ids
        ]
        if rows:
            await execute(stmt, rows)


async def find_job_id(db: Database, source: str, external_id: str) -> int | None:
    async with db.engine.connect() as conn:
        return await conn.scalar(
            select(_JOB.c.id).where(_JOB.c.source == source, _JOB.c.external_id == external_id)
        )


async def external_ids(db: Database, job_ids: Iterable[int]) -> dict[int, str]:
    """``job.external_id`` by job id (the listing read model does not carry it)."""
    wanted = list(dict.fromkeys(job_ids))
    found: dict[int, str] = {}
    async with db.engine.connect() as conn:
        for chunk in _chunks(wanted):
            query = select(_JOB.c.id, _JOB.c.external_id).where(_JOB.c.id.in_(list(chunk)))
            found.update({r[0]: r[1] for r in (await conn.execute(query)).all()})
    return found


@dataclass(frozen=True, slots=True)
class TopMatch:
    """One of the best open matches (one per job group), for a search's summary."""

    id: int
    title: str
    company: str | None
    location: str | None
    remote: str | None
    url: str | None
    source: str
    score: float
    summary: str
