"""The job tracker: one status and note per user and job, with the dates of changes.

A job is tracked as a whole, whichever of its postings the person acted on: postings
that share a ``group_key`` (the same job on two boards, or reposted under a new id)
share one tracker entry. ``set_status`` on any of them updates the group's entry, the
one changed last (older data may hold several), and creates one on the given posting
only when the group has none. So a status set before the employer reposted the job
still applies to the repost, and nothing stored is ever dropped: other entries of the
group keep their history, which the job's detail shows merged.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import UserError
from app.storage.database import Database
from app.storage.models import Application, Job, utcnow

STATUSES = ("new", "saved", "applied", "interviewing", "offer", "rejected", "hidden")


def normalise_status(status: str) -> str:
    """``status`` as stored ("Applied " -> "applied"); UserError when it is not one."""
    folded = status.strip().lower()
    if folded not in STATUSES:
        raise UserError(f"Unknown status '{status}'. Use one of: {', '.join(STATUSES)}.")
    return folded


async def set_status(db: Database, user_id: int, job_id: int, status: str,
                     note: str | None = None) -> Application:
    """Set a job's tracker status (and note, when given); every change is kept in history."""
    status = normalise_status(status)
    async with db.session() as session:
        job = await session.get(Job, job_id)
        if job is None:
            raise UserError(f"There is no job with id {job_id}.")
        entry = await _group_entry(session, user_id, job)
        if entry is None:
            entry = Application(user_id=user_id, job_id=job_id, status="new", history=[])
            session.add(entry)
        if entry.status != status or not entry.history:
            entry.history = [*entry.history, {"status": status, "at": utcnow().isoformat()}]
        entry.status = status
        if note is not None:
            entry.note = note
        entry.updated_at = utcnow()  # the group's entry is the one changed last
        await session.flush()
        return entry


async def get_entry(db: Database, user_id: int, job_id: int) -> Application | None:
    """The tracker entry of the job ``job_id`` is a posting of (see the module docstring)."""
    async with db.session() as session:
        job = await session.get(Job, job_id)
        return None if job is None else await _group_entry(session, user_id, job)


async def _group_entry(session: AsyncSession, user_id: int, job: Job) -> Application | None:
    members = (
        select(Job.id).where(Job.group_key == job.group_key) if job.group_key else [job.id]
    )
    entries = (await session.scalars(select(Application).where(
        Application.user_id == user_id, Application.job_id.in_(members)
    ))).all()  # fmt: skip
    return max(entries, key=lambda e: (e.updated_at, e.job_id), default=None)
