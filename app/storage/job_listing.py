"""The jobs list as people read it: one row per job, with its scores and tracker status.

A read model over ``job``, ``match`` and ``application``, free of Qt, shared by the
window's jobs table and ``jobagent jobs list``:

    rows = await list_job_rows(db, user_id, min_score=60, limit=50)
    detail = await get_job_detail(db, user_id, rows[0].job_id)

The same job posted on two boards (or reposted under a new id) shares a ``group_key``;
it is listed once, as one of its postings (the row's ``job_id``, URL and content are
that posting's): an open one first, so the link works and ``closed`` tells the truth;
among those, the one the user tracks, so the id they know stays; then the best-scored;
then the oldest. The tracker is the group's (``app.storage.tracker``): its status is
that of the entry changed last and its note the last one written, so marking a job
applied sticks when the employer reposts it, and setting a status on the row's id
updates that same entry. Groups whose postings are all closed, and groups the user hid,
are left out unless asked for.

Rows are read in partitions, yielding to the event loop between them, so listing tens of
thousands of jobs never freezes the window.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import aliased

from app.storage.database import Database
from app.storage.models import Application, Job, Match

if TYPE_CHECKING:
    from app.storage.jobs import TopMatch

#: Scorer names in the ``match`` table.
OFFLINE_SCORER = "offline"
LLM_SCORER = "llm"
#: Tracker status of a job the user never touched.
DEFAULT_STATUS = "new"
#: Rows read between yields to the event loop: turning a row's JSON reasons into a dict
#: costs tens of µs, so 500 rows keep each slice near 10 ms.
_PARTITION = 500


@dataclass(frozen=True, slots=True)
class JobRow:
    """One job as listed (the group's representative posting).

    Attributes:
        job_id: the representative posting's ``job.id``; use it to set the tracker status.
        group_key: postings sharing it are the same job (``None``: a group of its own).
        source: the representative's ``kind:id`` source key.
        sources: every source the job was found at, representative first.
        remote: "remote", "hybrid", "onsite" or None when unknown.
        score: the offline score (0–100), None when not scored yet.
        reasons: the offline scorer's reasons (matched/missing skills, location, seniority…).
        llm_score, llm_reasons: the model's review, when one was made.
        status: the tracker status ("new" when never set); see ``app.storage.tracker``.
        note: the tracker note.
        closed: every posting of the group has left its board.
        duplicates: how many other postings of the same job were folded into this row.
    """

    job_id: int
    group_key: str | None
    title: str
    company: str | None
    location: str | None
    remote: str | None
    source: str
    url: str | None
    employment_type: str | None
    salary_min: float | None
    salary_max: float | None
    salary_currency: str | None
    salary_interval: str | None
    posted_at: datetime | None
    first_seen_at: datetime | None
    score: float | None = None
    reasons: dict[str, Any] = field(default_factory=dict)
    llm_score: float | None = None
    llm_reasons: dict[str, Any] | None = None
    status: str = DEFAULT_STATUS
    note: str | None = None
    closed: bool = False
    duplicates: int = 0
    sources: tuple[str, ...] = ()

    @property
    def best_score(self) -> float | None:
        """The model's score when there is one, else the offline score."""
        return self.llm_score if self.llm_score is not None else self.score

    def salary_text(self) -> str:
        """Like "USD 90,000–120,000 / year", "USD 22.50 / hour", "GBP from 25,000 / year";
        "" when the posting gives no salary."""
        low, high = self.salary_min, self.salary_max
        if low is None and high is None:
            return ""
        if low is not None and high is not None:
            text = "–".join(dict.fromkeys((_amount(low), _amount(high))))
        elif high is not None:
            text = f"up to {_amount(high)}"
        else:
            text = f"from {_amount(low)}"
        if self.salary_currency:
            text = f"{self.salary_currency} {text}"
        if self.salary_interval:
            text += f" / {self.salary_interval}"
        return text

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly: dates as ISO 8601."""
        data = {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]
        for key in ("posted_at", "first_seen_at"):
            data[key] = data[key].isoformat() if data[key] else None
        data["sources"] = list(self.sources)
        return data


def _amount(value: float) -> str:
    """Whole amounts without decimals, hourly pay with its cents: 90,000 and 22.50."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


@dataclass(frozen=True, slots=True)
class JobPosting:
    """One posting of a job's group, for "also posted at"."""

    job_id: int
    source: str
    url: str | None
    closed: bool


@dataclass(frozen=True, slots=True)
class JobDetail:
    """What the detail pane shows: the row, the cleaned description, every posting,
    and the tracker history ({"status", "at"} dicts, oldest first)."""

    row: JobRow
    description: str
    postings: tuple[JobPosting, ...] = ()
    history: tuple[dict[str, Any], ...] = ()


async def list_job_rows(
    db: Database,
    user_id: int,
    *,
    include_closed: bool = False,
    include_hidden: bool = False,
    statuses: Iterable[str] | None = None,
    sources: Iterable[str] | None = None,
    min_score: float | None = None,
    search: str | None = None,
    limit: int | None = None,
) -> list[JobRow]:
    """Every job (one row per group), best score first, then the newest.

    Args:
        include_closed: also list jobs whose postings have all closed.
        include_hidden: also list jobs whose tracker status is "hidden".
        statuses: only these tracker statuses ("new" includes never-touched jobs).
        sources: only jobs found at one of these source keys (``kind:id``).
        min_score: only jobs whose best score (model's, else offline) is at least this.
        search: only jobs whose title, company or location contains every word of it.
        limit: at most this many rows.
    """
    rows = await _group_rows(await _read_postings(db, user_id))
    wanted_statuses = set(statuses) if statuses is not None else None
    wanted_sources = set(sources) if sources is not None else None
    words = search.lower().split() if search else []
    out = []
    for row in rows:
        if row.closed and not include_closed:
            continue
        if (
            row.status == "hidden"
            and not include_hidden
            and (wanted_statuses is None or "hidden" not in wanted_statuses)
        ):
            continue
        if wanted_statuses is not None and row.status not in wanted_statuses:
            continue
        if wanted_sources is not None and not wanted_sources & set(row.sources):
            continue
        if min_score is not None and (row.best_score is None or row.best_score < min_score):
            continue
        if words:
            haystack = " ".join(filter(None, (row.title, row.company, row.location))).lower()
            if not all(word in haystack for word in words):
                continue
        out.append(row)
    out.sort(key=_listing_order)
    return out[:limit] if limit is not None else out


async def get_job_detail(db: Database, user_id: int, job_id: int) -> JobDetail | None:
    """The job ``job_id`` belongs to, with its description, postings and tracker history."""
    async with db.session() as session:
        group_key = await session.scalar(select(Job.group_key).where(Job.id == job_id))
        if group_key is None and await session.get(Job, job_id) is None:
            return None
        member_query = select(Job.id, Job.source, Job.url, Job.closed_at, Job.description)
        member_query = member_query.where(
            Job.group_key == group_key if group_key else Job.id == job_id
        )
        members = {m.id: m for m in (await session.execute(member_query)).all()}
        entries = (await session.scalars(
            select(Application).where(
                Application.user_id == user_id, Application.job_id.in_(list(members))
            )
        )).all()  # fmt: skip
    rows = await _group_rows(await _read_postings(db, user_id, list(members)))
    if not rows:
        return None
    row = rows[0]
    history = sorted(
        (entry for app in entries for entry in (app.history or [])),
        key=lambda entry: str(entry.get("at", "")),
    )
    ordered = sorted(members.values(), key=lambda m: (m.id != row.job_id, m.id))
    return JobDetail(
        row=row,
        description=members[row.job_id].description or "",
        postings=tuple(JobPosting(m.id, m.source, m.url, m.closed_at is not None) for m in ordered),
        history=tuple(history),
    )


#: Tracker statuses that take a job out of a search's best matches.
_NOT_A_MATCH = frozenset({"hidden", "rejected"})


async def best_matches(db: Database, user_id: int, *, limit: int) -> list[TopMatch]:
    """The best open jobs by offline score, one per group, as ``list_job_rows`` shows them
    (same ids), leaving out jobs the user hid or rejected: a search's "Best matches".

    Reads scored open postings best first, a page at a time, and folds only their groups,
    so it stays a short read however many jobs are stored. A group's row scores no more
    than its best open posting, so once ``limit`` rows score at least the last posting
    read, no later page can change the answer.
    """
    from app.storage.jobs import TopMatch  # the search's type; its module is a heavy import

    page = limit * 5 + 20
    found: dict[Any, JobRow] = {}
    seen: set[Any] = set()
    offset = 0
    while True:
        query = (
            select(Job.id, Job.group_key, Match.score)
            .join(Match, and_(Match.job_id == Job.id, Match.user_id == user_id,
                              Match.scorer == OFFLINE_SCORER))
            .where(Job.closed_at.is_(None))
            .order_by(Match.score.desc(), Job.posted_at.desc(), Job.id)
            .offset(offset).limit(page)
        )  # fmt: skip
        async with db.engine.connect() as conn:
            candidates = (await conn.execute(query)).all()
        keys = {c.group_key for c in candidates if c.group_key} - seen
        lone = {c.id for c in candidates if not c.group_key} - seen
        seen |= keys | lone
        if keys or lone:
            postings = await _read_postings(
                db, user_id, where=or_(Job.group_key.in_(keys), Job.id.in_(lone))
            )
            for row in await _group_rows(postings):
                if not row.closed and row.status not in _NOT_A_MATCH and row.score is not None:
                    found[row.group_key or row.job_id] = row
        ranked = sorted(found.values(), key=_best_order)
        if len(candidates) < page or (
            len(ranked) >= limit and (ranked[limit - 1].score or 0.0) >= candidates[-1].score
        ):
            break
        offset += page
    return [
        TopMatch(row.job_id, row.title, row.company, row.location, row.remote, row.url,
                 row.source, row.score or 0.0, str(row.reasons.get("summary") or ""))
        for row in ranked[:limit]
    ]  # fmt: skip


def spreadsheet_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a string starting with = + - @, a tab or
    a carriage return is read as a formula (``=HYPERLINK(...)`` in a company name can
    run when the file is opened), so it gets a leading single quote. Numbers pass as
    they are."""
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS:
        return "'" + value
    return value


_FORMULA_STARTS = frozenset("=+-@\t\r")


# ---------------------------------------------------------------------------- internals


@dataclass(slots=True)
class _Posting:
    row: JobRow
    closed: bool
    tracked_at: datetime | None  # when the tracker entry was last changed, if any


def _best_order(row: JobRow) -> tuple[Any, ...]:
    posted = row.posted_at.timestamp() if row.posted_at else 0.0
    return (-(row.score or 0.0), -posted, row.job_id)


def _listing_order(row: JobRow) -> tuple[Any, ...]:
    best = row.best_score
    posted = row.posted_at.timestamp() if row.posted_at else 0.0
    return (best is None, -(best or 0.0), -posted, row.job_id)


async def _read_postings(
    db: Database, user_id: int, job_ids: list[int] | None = None, *, where: Any = None
) -> list[_Posting]:
    offline, llm = aliased(Match), aliased(Match)
    query = (
        select(
            Job.id, Job.group_key, Job.title, Job.company, Job.location, Job.remote, Job.source,
            Job.url, Job.employment_type, Job.salary_min, Job.salary_max, Job.salary_currency,
            Job.salary_interval, Job.posted_at, Job.first_seen_at, Job.closed_at,
            offline.score, offline.reasons, llm.score, llm.reasons,
            Application.status, Application.note, Application.updated_at,
        )
        .outerjoin(offline, and_(offline.job_id == Job.id, offline.user_id == user_id,
                                 offline.scorer == OFFLINE_SCORER))
        .outerjoin(llm, and_(llm.job_id == Job.id, llm.user_id == user_id,
                             llm.scorer == LLM_SCORER))
        .outerjoin(Application, and_(Application.job_id == Job.id,
                                     Application.user_id == user_id))
    )  # fmt: skip
    if job_ids is not None:
        query = query.where(Job.id.in_(job_ids))
    if where is not None:
        query = query.where(where)
    postings: list[_Posting] = []
    async with db.engine.connect() as conn:
        result = await conn.stream(query.execution_options(yield_per=_PARTITION))
        async for partition in result.partitions(_PARTITION):
            for r in partition:
                postings.append(_Posting(
                    JobRow(
                        job_id=r[0], group_key=r[1], title=r[2] or "", company=r[3],
                        location=r[4], remote=r[5], source=r[6], url=r[7],
                        employment_type=r[8], salary_min=r[9], salary_max=r[10],
                        salary_currency=r[11], salary_interval=r[12], posted_at=r[13],
                        first_seen_at=r[14], score=r[16], reasons=r[17] or {},
                        llm_score=r[18], llm_reasons=r[19], status=r[20] or DEFAULT_STATUS,
                        note=r[21],
                    ),
                    closed=r[15] is not None,
                    tracked_at=r[22] if r[20] is not None else None,
                ))  # fmt: skip
            await asyncio.sleep(0)  # let the window breathe between partitions
    return postings


async def _group_rows(postings: list[_Posting]) -> list[JobRow]:
    """Fold postings of one group into one row (see the module docstring)."""
    groups: dict[Any, list[_Posting]] = {}
    for posting in postings:
        key = posting.row.group_key or ("job", posting.row.job_id)
        groups.setdefault(key, []).append(posting)
    rows = []
    for count, members in enumerate(groups.values(), 1):
        if len(members) == 1:
            only = members[0]
            rows.append(replace(only.row, closed=only.closed, sources=(only.row.source,)))
        else:
            rows.append(_fold(members))
        if count % _PARTITION == 0:
            await asyncio.sleep(0)
    return rows


def _fold(members: list[_Posting]) -> JobRow:
    def rank(p: _Posting) -> tuple[Any, ...]:
        return (p.closed, p.tracked_at is None, -(p.row.best_score or -1.0), p.row.job_id)

    members = sorted(members, key=rank)
    lead = members[0]
    tracked = sorted(
        (p for p in members if p.tracked_at is not None),
        key=lambda p: (p.tracked_at, p.row.job_id),
        reverse=True,
    )
    status, note = lead.row.status, lead.row.note
    if tracked:
        status = tracked[0].row.status
        note = next((p.row.note for p in tracked if p.row.note is not None), None)
    sources = tuple(dict.fromkeys(p.row.source for p in members))
    return replace(
        lead.row,
        status=status,
        note=note,
        closed=lead.closed,  # the lead is open whenever one posting is
        duplicates=len(members) - 1,
        sources=sources,
    )
