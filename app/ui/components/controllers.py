"""The window's workflow launchers in one place, shared by every page.

``Controllers`` is made when the Runtime is open and handed to each page's
``attach``. ``run_again(kind)`` starts a new run of a finished one's kind:
pages and other features register more kinds with ``register_rerun``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.ui.components.launcher import WorkflowLauncher, import_off_loop
from app.ui.components.profiling import PROFILING_MODULE, ProfilingController

if TYPE_CHECKING:
    from app.runtime import Runtime
    from app.storage.models import Run

RerunFactory = Callable[["Controllers"], Awaitable[object]]
SEARCH_MODULE = "app.workflows.job_search"


class SearchController(WorkflowLauncher):
    """Starts the job search over the enabled sources."""

    async def search(self) -> Run:
        from app.core.errors import UserError

        if self.busy:
            raise UserError("A search is already running; its progress is on the Runs page.")
        if self.runtime is not None and not any(s.enabled for s in self.runtime.settings.sources):
            raise UserError("No job source is enabled. Add one in Settings ▸ Sources "
                            "(for example greenhouse:COMPANY), then search again.")  # fmt: skip
        try:
            module = await import_off_loop(SEARCH_MODULE)
        except ImportError as exc:
            raise UserError("Job search is not available in this version of the app.") from exc
        return await self.launch(module.JobSearchWorkflow())


class Controllers(QObject):
    def __init__(self, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.profiling = ProfilingController(dialog_parent)
        self.search = SearchController(self)
        self._reruns: dict[str, RerunFactory] = {
            "profiling": lambda c: c.profiling.rerun(),
            "search": lambda c: c.search.search(),
        }

    def attach(self, runtime: Runtime) -> None:
        self.profiling.attach(runtime)
        self.search.attach(runtime)

    async def warm_up(self) -> None:
        """Import the workflows off the loop once the window is up, so the first click on
        "Search now" or a dropped CV starts at once."""
        for name in (PROFILING_MODULE, SEARCH_MODULE):
            with contextlib.suppress(ImportError):  # not in this build: the action says so
                await import_off_loop(name)

    def register_rerun(self, kind: str, factory: RerunFactory) -> None:
        self._reruns[kind] = factory

    def can_run_again(self, kind: str) -> bool:
        return kind in self._reruns

    async def run_again(self, kind: str) -> None:
        from app.core.errors import UserError

        factory = self._reruns.get(kind)
        if factory is None:
            raise UserError(f"A '{kind}' run cannot be started again from here.")
        await factory(self)
