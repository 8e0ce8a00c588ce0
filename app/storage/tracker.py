"""The job tracker: one status and note per user and job, with the dates of changes."""

from __future__ import annotations

from sqlalchemy import select

from app.core.errors import UserError
from app.storage.database import Database
from app.storage.models import Application, Job, utcnow

STATUSES = ("new", "saved", "applied", "interviewing", "offer", "rejected", "hidden")


async def set_status(db: Database, user_id: int, job_id: int, status: str,
                     note: str | None = None) -> Application:
    """Set a job's tracker status (and note, when given); every change is kept in history."""
    if status not in STATUSES:
        raise UserError(f"Unknown status '{status}'. Use one of: {', '.join(STATUSES)}.")
    async with db.session() as session:
        if await session.get(Job, job_id) is None:
            raise UserError(f"There is no job with id {job_id}.")
        entry = await session.scalar(select(Application).where(
            Application.user_id == user_id, Application.job_id == job_id))
        if entry is None:
            entry = Application(user_id=user_id, job_id=job_id, status="new", history=[])
            session.add(entry)
        if entry.status != status or not entry.history:
            entry.history = [*entry.history, {"status": status, "at": utcnow().isoformat()}]
        entry.status = status
        if note is not None:
            entry.note = note
        await session.flush()
        return entry


async def get_entry(db: Database, user_id: int, job_id: int) -> Application | None:
    async with db.session() as session:
        return await session.scalar(select(Application).where(
            Application.user_id == user_id, Application.job_id == job_id))
