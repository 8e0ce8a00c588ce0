"""The search's upserts, closing and rescoring on PostgreSQL (ON CONFLICT, RETURNING, sizes)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

from sqlalchemy import func, select

from app.core.settings import Settings, SourceEntry
from app.runtime import Runtime
from app.storage import tracker
from app.storage.job_listing import list_job_rows
from app.storage.models import Job, Match
from app.storage.profiles import save_profile
from tests.fakes.job_boards import make_jobs
from tests.search.conftest import PROFILE, search


def jobagent(home, *args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "app", "--home", str(home), *args],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr


async def test_search_on_postgresql(postgres, paths, job_boards, tmp_path):
    jobagent(tmp_path, "db", "upgrade", "--url", postgres.owner_url)
    jobs = make_jobs(40, company="Acme", seed=21)
    long_location = dataclasses.replace(jobs[0], location="Berlin / " * 60)  # over 300 chars
    job_boards.add_board("greenhouse", "acme", [long_location, *jobs[1:]])
    job_boards.add_board("lever", "acme", jobs[1:11])  # the same jobs on a second board
    sources = [SourceEntry(kind=k, id="acme", base_url=job_boards.base_url)
               for k in ("greenhouse", "lever")]  # fmt: skip
    runtime = await Runtime.open(paths, Settings(sources=sources),
                                 database_url=postgres.owner_url)  # fmt: skip
    try:
        assert not runtime.db.is_sqlite
        await save_profile(runtime.db, runtime.user_id, PROFILE)
        run, wf = await search(runtime)
        assert run.status == "succeeded", run.error_message
        assert (wf.result.new, wf.result.scored) == (50, 50) and wf.result.duplicates >= 10
        rows = await list_job_rows(runtime.db, runtime.user_id)
        assert len(rows) == 50 - wf.result.duplicates
        await tracker.set_status(runtime.db, runtime.user_id, rows[0].job_id, "saved")

        changed = dataclasses.replace(jobs[5], title="Head of Data")
        fewer = [long_location, *jobs[1:5], changed, *jobs[6:30]]
        job_boards.add_board("greenhouse", "acme", fewer)
        run, wf = await search(runtime)
        s = wf.result
        assert run.status == "succeeded", run.error_message
        assert (s.new, s.updated, s.unchanged, s.closed, s.scored) == (0, 1, 39, 10, 1)
        async with runtime.db.session() as session:
            assert await session.scalar(select(func.count()).select_from(Job)) == 50
            assert await session.scalar(select(func.count()).select_from(Match)) == 50
            closed = await session.scalar(
                select(func.count()).select_from(Job).where(Job.closed_at.is_not(None)))
        assert closed == 10
        entry = await tracker.get_entry(runtime.db, runtime.user_id, rows[0].job_id)
        assert entry.status == "saved"
    finally:
        await runtime.close()

    jobagent(tmp_path, "db", "grant", "--url", postgres.owner_url, "--app-role", "jobagent_app")
    runtime = await Runtime.open(paths, Settings(sources=sources), database_url=postgres.app_url)
    try:  # the app's own role can do all of it too
        job_boards.add_board("greenhouse", "acme", jobs)
        run, wf = await search(runtime)
        assert run.status == "succeeded", run.error_message
        assert (wf.result.reopened, wf.result.updated) == (10, 2)
    finally:
        await runtime.close()
