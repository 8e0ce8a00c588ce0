"""Cancelling a search at any point: the run ends ``cancelled`` and nothing is half-written."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses

import pytest
from sqlalchemy import func, select

from app.core.events import RunUpdate
from app.storage.models import Job, Match, Run
from app.workflows.job_search import JobSearchWorkflow, run_search
from tests.fakes.job_boards import Fault, make_jobs
from tests.search.conftest import FAST, add_source, search

GH = "/v1/boards/acme/jobs"


async def snapshot(runtime) -> tuple[int, int, list[tuple]]:
    async with runtime.db.session() as session:
        jobs = await session.scalar(select(func.count()).select_from(Job))
        matches = await session.scalar(select(func.count()).select_from(Match))
        rows = (await session.execute(
            select(Job.external_id, Job.title, Job.closed_at, Job.last_seen_at).order_by(Job.id)
        )).all()  # fmt: skip
    return jobs, matches, [tuple(r) for r in rows]


async def start_and_cancel_at(runtime, step: str, delay: float = 0.0) -> Run:
    """Start a search and cancel it once it enters ``step`` (after ``delay`` seconds).

    With no delay the cancel is requested from the event itself, so the step
    cannot finish before it arrives, however fast it is.
    """
    entered = asyncio.Event()

    def on_event(event: object) -> None:
        if isinstance(event, RunUpdate) and event.current_step == step and not entered.is_set():
            entered.set()
            if not delay:
                runtime.runner.cancel(event.run_id)

    unsubscribe = runtime.events.subscribe(on_event)
    try:
        run_id = await runtime.runner.start(JobSearchWorkflow(policy=FAST),
                                            user_id=runtime.user_id)  # fmt: skip
        await asyncio.wait_for(entered.wait(), 10)
        if delay:
            await asyncio.sleep(delay)
            assert runtime.runner.cancel(run_id)
        with pytest.raises(asyncio.CancelledError):
            await runtime.runner.wait(run_id)
    finally:
        unsubscribe()
    async with runtime.db.session() as session:
        return await session.get(Run, run_id)


async def test_cancel_mid_fetch_leaves_nothing_behind(profiled, job_boards):
    runtime = profiled
    job_boards.add_board("greenhouse", "acme", 5)
    job_boards.add_board("lever", "globex", 5)
    job_boards.add_fault(GH, Fault.slow(0.8))
    add_source(runtime, job_boards, "greenhouse", "acme")
    add_source(runtime, job_boards, "lever", "globex")
    run = await start_and_cancel_at(runtime, "fetch", delay=0.3)
    assert run.status == "cancelled" and run.error_message == "Cancelled."
    assert run.current_step == "fetch" and run.finished_at is not None
    assert await snapshot(runtime) == (0, 0, [])
    assert runtime.runner.active_run_ids == []


@pytest.mark.parametrize("step", ["normalise", "score", "save"])
async def test_cancel_later_keeps_the_previous_state(profiled, job_boards, step):
    runtime = profiled
    jobs = make_jobs(30, company="Acme", seed=5)
    job_boards.add_board("greenhouse", "acme", jobs)
    add_source(runtime, job_boards, "greenhouse", "acme")
    run, _ = await search(runtime)
    before = await snapshot(runtime)

    changed = [dataclasses.replace(j, title=f"{j.title} II") for j in jobs[:20]]
    job_boards.add_board("greenhouse", "acme", [*changed, *make_jobs(5, company="Acme", seed=6)])
    run = await start_and_cancel_at(runtime, step)
    # A step with no await in it (scoring 35 jobs) finishes before the cancel can land;
    # the run then stops as it enters the next step, before that step does anything.
    steps = JobSearchWorkflow.steps
    assert run.status == "cancelled"
    assert run.current_step in steps[steps.index(step) : steps.index(step) + 2]
    assert await snapshot(runtime) == before

    run, wf = await search(runtime)  # and the next search does all of it
    assert run.status == "succeeded"
    assert (wf.result.new, wf.result.updated, wf.result.closed) == (5, 20, 10)


async def test_cancelling_the_caller_cancels_the_run(profiled, job_boards):
    runtime = profiled
    job_boards.add_board("greenhouse", "acme", 3)
    job_boards.add_fault(GH, Fault.slow(0.8))
    add_source(runtime, job_boards, "greenhouse", "acme")
    task = asyncio.get_running_loop().create_task(run_search(runtime, policy=FAST))
    await asyncio.sleep(0.4)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    async with runtime.db.session() as session:
        [run] = (await session.scalars(select(Run))).all()
    assert run.status == "cancelled"
    assert await snapshot(runtime) == (0, 0, [])


async def test_cancel_at_many_moments_never_leaves_half_state(profiled, job_boards):
    """Cancel after a spread of delays: each run ends cancelled (or succeeded, when the
    cancel came too late), the data is all-or-nothing, and the database stays usable."""
    runtime = profiled
    first, second = make_jobs(300, company="Acme", seed=8), make_jobs(300, company="Acme", seed=9)
    job_boards.add_board("greenhouse", "acme", first)
    add_source(runtime, job_boards, "greenhouse", "acme")
    await search(runtime)
    before = await snapshot(runtime)
    job_boards.add_board("greenhouse", "acme", second)
    job_boards.prerender()
    for delay in [0.0, 0.005, 0.01, 0.02, 0.04, 0.06, 0.09, 0.12, 0.16, 0.2, 0.25, 0.3]:
        run_id = await runtime.runner.start(JobSearchWorkflow(policy=FAST),
                                            user_id=runtime.user_id)  # fmt: skip
        await asyncio.sleep(delay)
        runtime.runner.cancel(run_id)
        with contextlib.suppress(asyncio.CancelledError):
            await runtime.runner.wait(run_id)
        async with runtime.db.session() as session:
            run = await session.get(Run, run_id)
        assert run.status in ("cancelled", "succeeded"), (delay, run.status, run.error_message)
        now = await snapshot(runtime)
        if now != before:  # the save had committed before the cancel came: all of it
            jobs, matches, rows = now
            assert (jobs, matches) == (600, 600), delay
            assert sum(1 for r in rows if r[2] is not None) == 300
            break
    else:
        raise AssertionError("no search got as far as saving")
    run, wf = await search(runtime)
    assert run.status == "succeeded" and wf.result.scored == 0
