"""The runs page: history from the Run rows, the live stepper, stop, a copyable error, and
"run again" for a run a crash left interrupted."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from app.core.errors import UserError
from app.storage.models import Run
from app.storage.runs import INTERRUPTED_MESSAGE
from app.ui.widgets.progress_stepper import StepState
from app.workflows.base import StepContext, Workflow
from tests.ui.app_driver import running_app


class SlowWorkflow(Workflow):
    kind = "chores"
    steps = ("sweep", "mop", "dust")

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.gate = asyncio.Event()

    async def step_sweep(self, ctx: StepContext) -> None:
        ctx.progress("swept 3 of 8 rooms", 0.4)
        await self.gate.wait()

    async def step_mop(self, ctx: StepContext) -> None:
        ctx.usage["requests"] = 7
        if self.fail:
            raise UserError("The mop is missing: put it back in the cupboard.")
        await asyncio.sleep(3600)

    async def step_dust(self, ctx: StepContext) -> None:
        pass


def test_live_stepper_stop_error_and_run_again(qapp, qloop, app_home):
    async def scenario() -> None:
        async with running_app(qapp, app_home) as app:
            runs = app.page("runs")
            await app.skip_onboarding()
            app.window.show_page("runs")
            started: list[int] = []

            async def again(_controllers) -> None:  # type: ignore[no-untyped-def]
                started.append(await app.runtime.runner.start(SlowWorkflow()))

            app.window.controllers.register_rerun("chores", again)

            # A live run: the stepper follows it through the bridge's signals.
            flow = SlowWorkflow()
            run_id = await app.runtime.runner.start(flow)
            await app.until(lambda: runs.stepper.states()[:1] == [StepState.ACTIVE])
            await app.until(lambda: runs.stepper.detail() == "swept 3 of 8 rooms")
            assert runs.cancel_button.isEnabled()
            flow.gate.set()
            await app.until(lambda: runs.stepper.states()[:2] == [StepState.DONE, StepState.ACTIVE])
            QTest.mouseClick(runs.cancel_button, Qt.MouseButton.LeftButton)
            await app.until(lambda: runs.model.entry_by_id(run_id).update.status == "cancelled")
            await app.until(lambda: "requests 7" in runs.usage.text())  # written with the end
            assert not runs.cancel_button.isEnabled()
            duration = runs.model.index(runs.model.row_of(run_id), 4)
            await app.until(lambda: duration.data().endswith(" s"), what="the duration")

            # A failed run: its error is readable and copyable.
            failing = SlowWorkflow(fail=True)
            failing.gate.set()
            failed_id = await app.runtime.runner.start(failing)
            await app.until(
                lambda: (
                    runs.model.entry_by_id(failed_id)
                    and runs.model.entry_by_id(failed_id).update.status == "failed"
                )
            )
            runs.table.selectRow(runs.model.row_of(failed_id))
            await app.until(lambda: runs.error.isVisible())
            assert "The mop is missing" in runs.error.text.toPlainText()
            assert runs.stepper.states() == [StepState.DONE, StepState.FAILED, StepState.SKIPPED]
            QTest.mouseClick(runs.error.copy_button, Qt.MouseButton.LeftButton)
            assert "The mop is missing" in QGuiApplication.clipboard().text()
            assert runs.again_button.isEnabled()

    async def crashed_run() -> int:
        """A run left 'running' by a process of this machine that no longer exists."""
        import socket

        async with running_app(qapp, app_home) as app:
            session_factory = app.runtime.db.session
            async with session_factory() as session:
                run = Run(
                    kind="chores",
                    status="running",
                    current_step="mop",
                    step_names=["sweep", "mop", "dust"],
                    owner=f"{socket.gethostname()}:999999",
                )
                session.add(run)
                await session.flush()
                return run.id

    async def after_restart(run_id: int) -> None:
        async with running_app(qapp, app_home) as app:
            runs = app.page("runs")
            started: list[int] = []

            async def again(_controllers) -> None:  # type: ignore[no-untyped-def]
                flow = SlowWorkflow()
                flow.gate.set()
                started.append(await app.runtime.runner.start(flow))

            app.window.controllers.register_rerun("chores", again)
            app.window.show_page("runs")
            await app.until(lambda: runs.model.entry_by_id(run_id))
            assert runs.model.entry_by_id(run_id).update.status == "interrupted"
            cell = runs.table.visualRect(runs.model.index(runs.model.row_of(run_id), 1))
            QTest.mouseClick(runs.table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
            await app.until(lambda: runs.again_button.isEnabled())
            assert INTERRUPTED_MESSAGE in runs.error.text.toPlainText()
            QTest.mouseClick(runs.again_button, Qt.MouseButton.LeftButton)
            await app.until(lambda: started)
            await app.until(lambda: runs.model.entry_by_id(started[0]))
            assert runs.model.row_of(started[0]) == 0  # newest first, and followed
            await app.until(lambda: runs.heading_run.text().startswith(f"Run {started[0]}"))

    qloop.run_until_complete(asyncio.wait_for(scenario(), 60))
    run_id = qloop.run_until_complete(asyncio.wait_for(crashed_run(), 60))
    qloop.run_until_complete(asyncio.wait_for(after_restart(run_id), 60))
