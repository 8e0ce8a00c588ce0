"""The workflow base writes the Run row after every step and never leaves a run 'running'."""

from __future__ import annotations

import asyncio

import pytest

from app.core.errors import UserError
from app.core.events import RunProgress, RunUpdate
from app.core.logs import setup_logging
from app.runtime import Runtime
from app.storage import runs as run_store
from app.workflows.base import StepContext, Workflow

pytestmark = pytest.mark.asyncio


class ThreeSteps(Workflow):
    kind = "test"
    steps = ("first", "second", "third")

    def __init__(
        self,
        fail_in: str | None = None,
        error: Exception | None = None,
        block_in: str | None = None,
    ) -> None:
        self.fail_in, self.error, self.block_in = fail_in, error, block_in
        self.seen: list[str] = []
        self.blocked = asyncio.Event()

    async def run_step(self, name: str, ctx: StepContext) -> None:
        self.seen.append(name)
        ctx.progress(f"doing {name}", 0.5)
        if name == "second":
            ctx.warn("the second step had a small problem")
        if name == self.block_in:
            self.blocked.set()
            await asyncio.sleep(3600)
        if name == self.fail_in:
            raise self.error or RuntimeError("boom")


@pytest.fixture
async def runtime(paths):
    runtime = await Runtime.open(paths)
    yield runtime
    await runtime.close()


async def test_success_writes_every_step_and_publishes_it(runtime):
    events: list[object] = []
    runtime.events.subscribe(events.append)
    run = await runtime.runner.run(ThreeSteps(), user_id=runtime.user_id)
    assert run.status == "succeeded"
    assert run.current_step is None and run.finished_at >= run.started_at
    assert run.warnings == ["the second step had a small problem"]
    updates = [e for e in events if isinstance(e, RunUpdate)]
    assert [u.status for u in updates][:2] == ["queued", "running"]
    assert [u.current_step for u in updates if u.status == "running"][1:] == [
        "first",
        "second",
        "third",
    ]
    assert updates[-1].status == "succeeded"
    assert [e.detail for e in events if isinstance(e, RunProgress)] == [
        "doing first",
        "doing second",
        "doing third",
    ]


async def test_user_error_fails_the_run_with_its_message(runtime):
    run = await runtime.runner.run(ThreeSteps("second", UserError("the CV is empty")))
    assert run.status == "failed"
    assert run.error_message == "the CV is empty"
    assert run.current_step == "second"


async def test_unexpected_error_is_recorded_not_lost(runtime):
    setup_logging(runtime.paths.log_file)
    run = await runtime.runner.run(ThreeSteps("third", KeyError("x")))
    assert run.status == "failed"
    assert run.error_message.startswith("Unexpected error: KeyError")
    log_text = runtime.paths.log_file.read_text()
    assert f"run={run.id}" in log_text and "Traceback" in log_text


async def test_cancel_marks_the_run_cancelled(runtime):
    workflow = ThreeSteps(block_in="second")
    run_id = await runtime.runner.start(workflow)
    await asyncio.wait_for(workflow.blocked.wait(), 5)
    assert runtime.runner.cancel(run_id)
    with pytest.raises(asyncio.CancelledError):
        await runtime.runner.wait(run_id)
    run = await run_store.get_run(runtime.db, run_id)
    assert run.status == "cancelled"
    assert workflow.seen == ["first", "second"]


async def test_closing_the_runtime_cancels_runs_in_flight(paths):
    runtime = await Runtime.open(paths)
    workflow = ThreeSteps(block_in="first")
    run_id = await runtime.runner.start(workflow)
    await asyncio.wait_for(workflow.blocked.wait(), 5)
    await runtime.close()
    again = await Runtime.open(paths)
    try:
        assert (await run_store.get_run(again.db, run_id)).status == "cancelled"
    finally:
        await again.close()


async def test_runs_left_running_by_a_crash_become_interrupted(paths):
    runtime = await Runtime.open(paths)
    crashed = await run_store.create_run(runtime.db, "test", ["a"], None)
    await run_store.update_run(
        runtime.db,
        crashed.id,
        status="running",
        owner=f"{run_store.this_process().rsplit(':', 1)[0]}:999999999",
    )
    other_machine = await run_store.create_run(runtime.db, "test", ["a"], None)
    await run_store.update_run(
        runtime.db, other_machine.id, status="running", owner="another-host:1"
    )
    await runtime.db.close()
    await runtime.http.aclose()
    again = await Runtime.open(paths)
    try:
        assert (await run_store.get_run(again.db, crashed.id)).status == "interrupted"
        assert (await run_store.get_run(again.db, other_machine.id)).status == "running"
    finally:
        await again.close()
