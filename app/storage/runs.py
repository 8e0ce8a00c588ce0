"""Reading and writing Run rows: the single truth of every workflow execution."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from app.core.events import RunUpdate
from app.storage.database import Database
from app.storage.models import Run, RunStatus, utcnow

INTERRUPTED_MESSAGE = "The app stopped while this run was in progress."


def this_process() -> str:
    """Who owns a run: host and process id, so a restart can tell crashed runs apart."""
    return f"{socket.gethostname()}:{os.getpid()}"


async def create_run(
    db: Database, kind: str, step_names: Sequence[str], user_id: int | None
) -> Run:
    async with db.session() as session:
        run = Run(
            kind=kind,
            step_names=list(step_names),
            user_id=user_id,
            status=RunStatus.QUEUED.value,
            owner=this_process(),
        )
        session.add(run)
        await session.flush()
        return run


async def update_run(db: Database, run_id: int, **fields: Any) -> Run:
    """Write the given fields and return the row as stored: one UPDATE … RETURNING."""
    async with db.session() as session:
        run = await session.scalar(
            update(Run)
            .where(Run.id == run_id)
            .values(**fields)
            .returning(Run)
            .execution_options(synchronize_session=False)
        )
        if run is None:
            raise LookupError(f"run {run_id} does not exist")
        return run


async def get_run(db: Database, run_id: int) -> Run | None:
    async with db.session() as session:
        return await session.get(Run, run_id)


async def list_runs(db: Database, *, limit: int = 200, kind: str | None = None) -> list[Run]:
    query = select(Run).order_by(Run.id.desc()).limit(limit)
    if kind:
        query = query.where(Run.kind == kind)
    async with db.session() as session:
        return list((await session.scalars(query)).all())


async def mark_interrupted(db: Database) -> int:
    """Runs a crash left queued or running on this machine become ``interrupted``.

    Runs owned by a process that is still alive (a CLI search while the window
    opens, say) are left alone; so are runs of other machines sharing a
    PostgreSQL database.
    """
    import psutil

    host = socket.gethostname()
    async with db.session() as session:
        stale = (
            await session.scalars(
                select(Run).where(Run.status.in_([RunStatus.QUEUED.value, RunStatus.RUNNING.value]))
            )
        ).all()
        dead_ids = [run.id for run in stale if _owner_is_dead(run.owner, host, psutil.pid_exists)]
        if dead_ids:
            await session.execute(
                update(Run)
                .where(Run.id.in_(dead_ids))
                .values(
                    status=RunStatus.INTERRUPTED.value,
                    finished_at=utcnow(),
                    error_message=INTERRUPTED_MESSAGE,
                )
            )
        return len(dead_ids)


def _owner_is_dead(owner: str | None, host: str, pid_exists: Callable[[int], bool]) -> bool:
    if not owner or ":" not in owner:
        return True
    owner_host, _, pid_text = owner.rpartition(":")
    if owner_host != host:
        return False  # another machine's run, on a shared database
    if not pid_text.isdigit() or int(pid_text) == os.getpid():
        return True  # at start-up no run can be ours yet: a reused pid
    return not pid_exists(int(pid_text))


def to_update(run: Run) -> RunUpdate:
    return RunUpdate(
        run_id=run.id,
        kind=run.kind,
        status=run.status,
        step_names=tuple(run.step_names or ()),
        current_step=run.current_step,
        error_message=run.error_message,
        warnings=tuple(run.warnings or ()),
        usage=dict(run.usage or {}),
    )


def duration_seconds(run: Run) -> float | None:
    if run.started_at is None:
        return None
    end: datetime = run.finished_at or utcnow()
    return (end - run.started_at).total_seconds()
