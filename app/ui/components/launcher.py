"""Start a workflow from the window and learn when its run ends.

The run's state is never copied here: ``started`` gives the run's id (pages
follow it through the bridge's ``run_updated``), ``finished`` gives the final
Run row as the runner wrote it.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from app.runtime import Runtime
    from app.storage.models import Run
    from app.workflows.base import Workflow


async def import_off_loop(name: str) -> ModuleType:
    """Import a module on a worker thread: a workflow's imports can take half a second,
    which would freeze the window if done on the loop when the user clicks."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    return await asyncio.to_thread(importlib.import_module, name)


def step_labels(kind: str) -> dict[str, str]:
    """The stepper labels the workflow class of ``kind`` gives (when its module is loaded)."""
    from app.workflows.base import Workflow

    classes = list(Workflow.__subclasses__())
    while classes:
        cls = classes.pop()
        if getattr(cls, "kind", None) == kind and getattr(cls, "steps", None):
            return {step: cls.label(step) for step in cls.steps}
        classes.extend(cls.__subclasses__())
    return {}


class WorkflowLauncher(QObject):
    """Signals:
    started(int): a run of this launcher's workflow was created (its id).
    finished(object): that run ended; the final ``Run`` row.
    """

    started = Signal(int)
    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runtime: Runtime | None = None
        self.active_run: int | None = None

    @property
    def busy(self) -> bool:
        return self.active_run is not None

    def attach(self, runtime: Runtime) -> None:
        self.runtime = runtime

    async def launch(self, workflow: Workflow) -> Run:
        """Start ``workflow`` as a run and wait for it to end."""
        from app.core.errors import UserError

        if self.runtime is None:
            raise UserError("The database is not open yet, so nothing can run. See the message "
                            "at the top of the window.")  # fmt: skip
        runner = self.runtime.runner
        run_id = await runner.start(workflow, user_id=self.runtime.user_id)
        self.active_run = run_id
        self.started.emit(run_id)
        try:
            run = await self._wait(run_id)
        finally:
            self.active_run = None
        self.finished.emit(run)
        return run

    async def _wait(self, run_id: int) -> Run:
        """The final row; a cancelled *run* is a result here, a cancelled *caller* is not."""
        assert self.runtime is not None
        try:
            return await self.runtime.runner.wait(run_id)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise
        from app.storage.runs import get_run

        run = await get_run(self.runtime.db, run_id)
        assert run is not None
        return run

    def cancel(self) -> bool:
        if self.runtime is None or self.active_run is None:
            return False
        return self.runtime.runner.cancel(self.active_run)
