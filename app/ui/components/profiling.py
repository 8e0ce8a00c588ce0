"""Build the profile from CV files: start the profiling run, ask for PDF passwords, retry.

The profiling workflow imports the given files and rebuilds the profile from
every stored CV, so adding a CV refines the profile instead of replacing it,
and a run with no files profiles the stored CVs again. An encrypted PDF fails
its file (not the run); the window then asks for the password in a non-modal
dialog and imports that file again with it. Other unreadable files are
reported with the profiling library's own message.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.ui.components.launcher import WorkflowLauncher, import_off_loop

if TYPE_CHECKING:
    from app.storage.models import Run

log = logging.getLogger(__name__)

PROFILING_MODULE = "app.workflows.profiling"


class ProfilingController(WorkflowLauncher):
    """Signals (besides ``started``/``finished``):
    profile_updated(): a profiling run succeeded; reload the profile.
    problems(list): messages about files that could not be used (a list of str).
    """

    profile_updated = Signal()
    problems = Signal(list)

    def __init__(self, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self._dialog_parent = dialog_parent

    async def import_files(self, files: list[Path]) -> Run | None:
        """Import ``files`` and rebuild the profile from every stored CV."""
        return await self.profile([Path(f) for f in files])

    async def rerun(self) -> Run | None:
        """Rebuild the profile from the stored CVs (after an app update, say)."""
        return await self.profile([])

    async def profile(self, files: list[Path], password: str | None = None) -> Run | None:
        """One profiling run; then, for each encrypted PDF, ask and run again."""
        from app.core.errors import UserError
        from app.ui.components.dialogs import ask_password

        if self.busy:
            raise UserError(
                "A profiling run is already under way; wait for it or stop it on the Runs page."
            )
        try:
            module = await import_off_loop(PROFILING_MODULE)
        except ImportError as exc:
            raise UserError("CV profiling is not available in this version of the app.") from exc
        workflow = module.ProfilingWorkflow(files, password=password)
        run = await self.launch(workflow)
        result = getattr(workflow, "result", None)
        failures = list(getattr(result, "failures", None) or [])
        locked = [f for f in failures if getattr(f, "needs_password", False)]
        others = [str(getattr(f, "message", f)) for f in failures if f not in locked]
        if others:
            self.problems.emit(others)
        if run.status == "succeeded":
            self.profile_updated.emit()
        for failure in locked:  # one at a time: each file may have its own password
            typed = await ask_password(
                self._dialog_parent, str(failure.filename), str(failure.message)
            )
            if typed:
                path = Path(getattr(failure, "path", None) or failure.filename)
                return await self.profile([path], password=typed)
        return run
