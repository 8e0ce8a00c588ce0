"""Runs workflows as tasks on the app's one event loop and keeps their Run rows true.

Cancelling (the Stop button, Ctrl+C, quitting the app) cancels the task; the
runner then writes ``cancelled`` before the task ends, so no run is left
``running``. Runs a crash left behind are marked ``interrupted`` at start
(``app.storage.runs.mark_interrupted``).
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from typing import TYPE_CHECKING, Any

from app.core.errors import UserError
from app.core.events import RunProgress
from app.core.logs import current_run_id
from app.storage import runs as run_store
from app.storage.models import Run, RunStatus, utcnow
from app.workflows.base import StepContext, Workflow

if TYPE_CHECKING:
    from app.runtime import Runtime

log = logging.getLogger(__name__)


class WorkflowRunner:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self._tasks: dict[int, asyncio.Task[Run]] = {}
        self._workflows: dict[int, Workflow] = {}

    @property
    def active_run_ids(self) -> list[int]:
        return [run_id for run_id, task in self._tasks.items() if not task.done()]

    def workflow(self, run_id: int) -> Workflow | None:
        return self._workflows.get(run_id)

    async def start(self, workflow: Workflow, *, user_id: int | None = None) -> int:
        """Create the Run row, start the workflow as a task, return the run's id."""
        run = await run_store.create_run(self.runtime.db, workflow.kind, workflow.steps, user_id)
        self._publish(run)
        task = asyncio.get_running_loop().create_task(
            self._execute(workflow, run.id, user_id), name=f"run-{run.id}-{workflow.kind}"
        )
        self._tasks[run.id] = task
        self._workflows[run.id] = workflow
        task.add_done_callback(lambda _t, run_id=run.id: self._forget(run_id))
        return run.id

    async def run(self, workflow: Workflow, *, user_id: int | None = None) -> Run:
        """Start and wait: what the CLI does. Returns the final Run row."""
        run_id = await self.start(workflow, user_id=user_id)
        return await self.wait(run_id)

    async def wait(self, run_id: int) -> Run:
        task = self._tasks.get(run_id)
        if task is not None:
            return await asyncio.shield(task)
        run = await run_store.get_run(self.runtime.db, run_id)
        if run is None:
            raise LookupError(f"run {run_id} does not exist")
        return run

    def cancel(self, run_id: int) -> bool:
        task = self._tasks.get(run_id)
        if task is None or task.done():
            return False
        task.cancel()
        return True

    async def shutdown(self) -> None:
        """Cancel this process's runs and wait until each has written its final state."""
        pending = [task for task in self._tasks.values() if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)

    def _forget(self, run_id: int) -> None:
        self._tasks.pop(run_id, None)
        self._workflows.pop(run_id, None)

    async def _execute(self, workflow: Workflow, run_id: int, user_id: int | None) -> Run:
        token = current_run_id.set(run_id)
        ctx = StepContext(runtime=self.runtime, run_id=run_id, user_id=user_id)
        ctx._reporter = lambda detail, fraction: self.runtime.events.publish(
            RunProgress(run_id, detail, fraction)
        )
        try:
            await self._write(run_id, status=RunStatus.RUNNING.value, started_at=utcnow())
            for step in workflow.steps:
                await self._write(
                    run_id, current_step=step, warnings=list(ctx.warnings), usage=dict(ctx.usage)
                )
                log.info("%s: step %s", workflow.kind, step)
                await workflow.run_step(step, ctx)
            log.info("%s: succeeded", workflow.kind)
            return await self._finish(run_id, ctx, RunStatus.SUCCEEDED, current_step=None)
        except asyncio.CancelledError:
            log.info("%s: cancelled", workflow.kind)
            await self._finish(run_id, ctx, RunStatus.CANCELLED, error_message="Cancelled.")
            raise
        except UserError as exc:
            log.warning("%s failed: %s", workflow.kind, exc)
            return await self._finish(run_id, ctx, RunStatus.FAILED, error_message=str(exc))
        except Exception as exc:
            log.error("%s crashed:\n%s", workflow.kind, traceback.format_exc())
            message = f"Unexpected error: {type(exc).__name__}: {exc}"
            return await self._finish(run_id, ctx, RunStatus.FAILED, error_message=message)
        finally:
            current_run_id.reset(token)

    async def _finish(self, run_id: int, ctx: StepContext, status: RunStatus, **fields: Any) -> Run:
        return await self._write(
            run_id,
            status=status.value,
            finished_at=utcnow(),
            warnings=list(ctx.warnings),
            usage=dict(ctx.usage),
            **fields,
        )

    async def _write(self, run_id: int, **fields: Any) -> Run:
        """Write the Run row; a cancel never interrupts the write itself.

        A statement cancelled half-way can leave SQLite's write lock held by a
        pooled connection, and the final ``cancelled`` write would then wait on
        it. So the write runs to its end, and the cancel is raised after it.
        """
        write = asyncio.ensure_future(run_store.update_run(self.runtime.db, run_id, **fields))
        try:
            run = await asyncio.shield(write)
        except asyncio.CancelledError:
            run = await write
            self._publish(run)
            raise
        self._publish(run)
        return run

    def _publish(self, run: Run) -> None:
        self.runtime.events.publish(run_store.to_update(run))
