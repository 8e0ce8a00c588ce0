"""Fixtures for the search tests: the fake boards, a Runtime on a real SQLite file, and
a way to run the search workflow as the app does (a Run through the runner)."""

from __future__ import annotations

import gc
import zlib

import pytest

from app.core.settings import Settings, SourceEntry
from app.runtime import Runtime
from app.sources import FetchPolicy
from app.storage.models import Run
from app.workflows.job_search import JobSearchWorkflow
from tests.fakes.job_boards import JobBoardServer

FAST = FetchPolicy(
    connect_timeout=2.0,
    read_timeout=1.0,
    max_attempts=3,
    backoff_base=0.01,
    backoff_max=0.05,
    retry_after_cap=3.0,
)


@pytest.fixture
def job_boards():
    """The fake boards, with generated postings seeded by board (the server's default seed
    follows Python's per-process string hashing), so counts of distinct jobs repeat."""
    with JobBoardServer() as server:
        add_board = server.add_board

        def seeded(kind, board_id, jobs=5, *, seed=None, **options):  # type: ignore[no-untyped-def]
            if seed is None:
                seed = zlib.crc32(f"{kind}:{board_id}".encode()) % 100_000
            return add_board(kind, board_id, jobs, seed=seed, **options)

        server.add_board = seeded  # type: ignore[method-assign]
        yield server


@pytest.fixture
async def runtime(paths):
    """The app's Runtime on a SQLite file in the test's home, closed after the test."""
    rt = await Runtime.open(paths, Settings())
    yield rt
    await rt.close()


PROFILE = {
    "skills": [{"name": "Python", "category": "tech", "evidence": "Python every day"},
               {"name": "PostgreSQL", "category": "tech", "evidence": "ran PostgreSQL"}],
    "experience": [{"title": "Backend Engineer", "company": "Paylane"}],
    "years_experience": 6,
    "profile_text": "Backend engineer writing Python services on PostgreSQL.",
}  # fmt: skip


@pytest.fixture
async def profiled(runtime):
    """The runtime, with a small profile saved (so no empty-profile warning)."""
    from app.storage.profiles import save_profile

    await save_profile(runtime.db, runtime.user_id, PROFILE)
    return runtime


@pytest.fixture(autouse=True)
def gc_given_back():
    """Whatever a test does, the search gives the garbage collector its thresholds back.

    (What survived the search stays frozen on purpose: see app/search/gc_quiet.py.)
    """
    before = gc.get_threshold()
    yield
    assert gc.get_threshold() == before and gc.isenabled()


def add_source(runtime: Runtime, server, kind: str, ident: str, name: str | None = None) -> None:
    runtime.settings.sources.append(
        SourceEntry(kind=kind, id=ident, base_url=server.base_url, name=name)
    )


async def search(runtime: Runtime, **options) -> tuple[Run, JobSearchWorkflow]:
    """Run one search through the runner; return the final Run row and the workflow."""
    workflow = JobSearchWorkflow(policy=FAST, **options)
    run = await runtime.runner.run(workflow, user_id=runtime.user_id)
    return run, workflow
