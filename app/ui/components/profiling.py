"""Build the profile from CV files: start the profiling run, ask for PDF passwords, retry.

Every import profiles the user's stored CVs together with the new files, so
adding a CV refines the profile instead of replacing it. An encrypted PDF
fails its file (not the run); the window then asks for the password in a
non-modal dialog and runs again with it. Other unreadable files are reported
with the profiling library's own message.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
        """Profile the stored CVs plus ``files``."""
        stored = await self.stored_documents()
        return await self.profile(_unique([*stored, *map(Path, files)]))

    async def rerun(self) -> Run | None:
        """Profile the stored CVs again (after a taxonomy or app update, say)."""
        from app.core.errors import UserError

        stored = await self.stored_documents()
        if not stored:
            raise UserError("There is no CV to profile yet. Import one first (File ▸ Import CV…, "
                            "or drop it on the window).")  # fmt: skip
        return await self.profile(stored)

    async def profile(self, files: list[Path], password: str | None = None) -> Run | None:
        """One profiling run; then, for each encrypted PDF, ask and run again."""
        from app.core.errors import UserError
        from app.ui.components.dialogs import ask_password

        if self.busy:
            raise UserError("A profiling run is already under way; wait for it or stop it on "
                            "the Runs page.")  # fmt: skip
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
        for failure in locked:
            typed = await ask_password(self._dialog_parent, str(failure.filename),
                                       str(failure.message))  # fmt: skip
            if typed:
                return await self.profile(files, password=typed)
        return run

    async def stored_documents(self) -> list[Path]:
        """The copies of the user's imported CVs that still exist on disk."""
        from sqlalchemy import select

        from app.storage.models import Document

        if self.runtime is None:
            return []
        async with self.runtime.db.session() as session:
            stored = (await session.scalars(
                select(Document.stored_path)
                .where(Document.user_id == self.runtime.user_id)
                .order_by(Document.id)
            )).all()  # fmt: skip
        return [Path(p) for p in stored if p and Path(p).exists()]


def _unique(paths: list[Path]) -> list[Path]:
    seen: dict[Any, Path] = {}
    for path in paths:
        seen.setdefault(path.resolve(), path)
    return list(seen.values())
