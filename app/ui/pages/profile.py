"""Profile page: the profile built from the CVs, every field editable, and its profiling runs."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from app.core.events import RunUpdate
from app.ui.components.profile_form import ProfileForm
from app.ui.components.run_stepper import RunStepper
from app.ui.cv_files import CV_SUFFIXES
from app.ui.pages.base import Page
from app.ui.tasks import spawn
from app.ui.widgets.drop_zone import DropZone


class ProfilePage(Page):
    title = "Profile"

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.import_button = QPushButton("&Import CV…")
        self.import_button.clicked.connect(lambda: spawn(self.choose_cvs()))
        self.rerun_button = QPushButton("Re&run profiling")
        self.rerun_button.setToolTip("Build the profile again from your imported CVs")
        self.rerun_button.clicked.connect(lambda: spawn(self.rerun()))
        self.enrich_button = QPushButton("Improve with &AI")
        self.enrich_button.setToolTip("Let the AI model (Settings) improve the summary and titles")
        self.enrich_button.clicked.connect(lambda: spawn(self.improve_with_ai()))
        self.resume_in = QPushButton("JSON Resume i&mport…")
        self.resume_in.clicked.connect(lambda: spawn(self.choose_json_resume()))
        self.resume_out = QPushButton("JSON Resume e&xport…")
        self.resume_out.clicked.connect(lambda: spawn(self.choose_json_resume_export()))
        self.save_button = QPushButton("&Save changes")
        self.save_button.setToolTip("Save your edits (Ctrl+S)")
        self.save_button.clicked.connect(lambda: spawn(self.save()))
        self.revert_button = QPushButton("Re&vert")
        self.revert_button.clicked.connect(lambda: spawn(self.reload()))
        actions = QHBoxLayout()
        for button in (self.import_button, self.rerun_button, self.enrich_button,
                       self.resume_in, self.resume_out):  # fmt: skip
            actions.addWidget(button)
        actions.addStretch(1)
        self.dirty_label = QLabel()
        actions.addWidget(self.dirty_label)
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)
        self.layout_.addLayout(actions)
        self.stepper = RunStepper()
        self.layout_.addWidget(self.stepper)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.layout_.addWidget(self.problems)
        self.drop_zone = DropZone(
            "<b>No profile yet.</b><br>Drop your CV here (PDF, Word or text), or choose the "
            "files. Everything is read on this computer.",
            CV_SUFFIXES,
        )
        self.drop_zone.files_dropped.connect(lambda files: spawn(self.import_cvs(files)))
        self.drop_zone.choose_requested.connect(lambda: spawn(self.choose_cvs()))
        self.drop_zone.hide()
        self.layout_.addWidget(self.drop_zone)
        self.form = ProfileForm()
        self.form.changed.connect(lambda: self._set_dirty(True))
        self.layout_.addWidget(self.form, 1)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.activated.connect(lambda: spawn(self.save()))
        self._set_dirty(False)

    # ---- wiring
    def on_attached(self) -> None:
        assert self.bridge is not None and self.controllers is not None
        self.bridge.run_updated.connect(self._run_updated)
        self.bridge.run_progress.connect(self.stepper.show_progress)
        profiling = self.controllers.profiling
        profiling.profile_updated.connect(lambda: spawn(self._profile_rebuilt()))
        profiling.problems.connect(self._show_problems)
        spawn(self.reload())
        spawn(self.show_last_run())

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.dirty_label.setText("Unsaved changes" if dirty else "")

    # ---- loading and saving
    async def reload(self) -> None:
        from app.storage.profiles import load_profile

        assert self.runtime is not None
        data = await load_profile(self.runtime.db, self.runtime.user_id)
        self.form.set_profile(data)
        has_cv = bool(data.get("documents") or data.get("skills") or data.get("experience"))
        self.drop_zone.setVisible(not has_cv)
        self.rerun_button.setEnabled(has_cv)
        self._set_dirty(False)

    async def save(self) -> None:
        """Store the form: the profile, and the persona and preferences on the user row."""
        from app.storage.profiles import save_profile, update_user

        if self.runtime is None or not self.dirty:
            return
        data = self.form.profile()
        user_fields: dict[str, Any] = {"preferences": data.get("preferences") or {}}
        if "persona" in data:
            user_fields["persona"] = data["persona"]
        await save_profile(self.runtime.db, self.runtime.user_id, data)
        await update_user(self.runtime.db, self.runtime.user_id, **user_fields)
        await self.reload()
        self._status("Profile saved.")

    async def save_draft(self) -> None:
        """Quitting with unsaved edits keeps them: nothing typed is lost."""
        if self.dirty:
            await self.save()

    async def _profile_rebuilt(self) -> None:
        if self.dirty:
            self._status("Profiling finished. Save or revert your edits to see the new profile.")
            return
        await self.reload()

    # ---- CVs and profiling
    async def choose_cvs(self) -> None:
        from app.ui.components.dialogs import choose_open_files

        files = await choose_open_files(self, "Import CV files")
        if files:
            await self.import_cvs(files)

    async def import_cvs(self, files: list[Path]) -> None:
        assert self.controllers is not None
        self.problems.hide()
        await self.controllers.profiling.import_files(files)

    async def rerun(self) -> None:
        assert self.controllers is not None
        self.problems.hide()
        await self.controllers.profiling.rerun()

    async def improve_with_ai(self) -> None:
        from app.ui.components.agents.enrich_action import improve_profile

        await improve_profile(self)

    def _show_problems(self, messages: list[str]) -> None:
        self.problems.setText(
            "<b>Some files could not be used:</b><br>" + "<br>".join(f"• {m}" for m in messages)
        )
        self.problems.show()

    def _run_updated(self, update: RunUpdate) -> None:
        if update.kind == "enrichment" and update.status == "succeeded":
            spawn(self._profile_rebuilt())  # the AI model improved the stored profile
        if not self.stepper.follow(update, "profiling"):
            return
        running = not update.finished
        for button in (self.import_button, self.rerun_button):
            button.setEnabled(not running)
        self.drop_zone.setEnabled(not running)

    async def show_last_run(self) -> None:
        """Until a run starts, the stepper shows how the last profiling run ended."""
        assert self.runtime is not None
        await self.stepper.show_last_run(self.runtime.db, "profiling", "profiling")

    # ---- JSON Resume
    async def choose_json_resume(self) -> None:
        from app.ui.components.dialogs import choose_open_files

        files = await choose_open_files(self, "Import a JSON Resume", "JSON Resume (*.json)")
        if files:
            await self.import_json_resume(files[0])

    async def import_json_resume(self, path: Path) -> None:
        """Put a JSON Resume's contents in the form, to review and then save."""
        from app.core.errors import UserError
        from app.profiling import json_resume

        try:
            imported = await asyncio.to_thread(json_resume.import_file, path)
        except (OSError, ValueError) as exc:
            raise UserError(f"“{path.name}” cannot be read as a JSON Resume: {exc}") from exc
        fields = imported.model_dump(mode="json")
        merged = {**self.form.profile(), **{k: v for k, v in fields.items() if v}}
        self.form.set_profile(merged)
        self._set_dirty(True)
        self._status(f"Imported “{path.name}”. Review the fields, then Save changes.")

    async def choose_json_resume_export(self) -> None:
        from app.ui.components.dialogs import choose_save_file

        path = await choose_save_file(
            self, "Export as JSON Resume", "resume.json", "JSON Resume (*.json)"
        )
        if path is not None:
            await self.export_json_resume(path)

    async def export_json_resume(self, path: Path) -> None:
        from app.profiling import json_resume

        text = json.dumps(
            json_resume.to_json_resume(self.form.profile()), indent=2, ensure_ascii=False
        )
        await asyncio.to_thread(path.write_text, text, encoding="utf-8")
        self._status(f"Saved your profile as a JSON Resume to {path}.")

    def _status(self, message: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 10000)
