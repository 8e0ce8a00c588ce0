"""First run: who you are, what you want, your CV; then the profile is built while you watch.

Every answer is written to the user row as you go (on each step, a moment
after typing stops, and when the app closes), so a half-finished onboarding
comes back where it was left at the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.events import RunUpdate
from app.ui.components.onboarding_store import OnboardingDraft
from app.ui.components.run_stepper import RunStepper
from app.ui.components.work_preferences import WorkPreferences
from app.ui.cv_files import CV_SUFFIXES
from app.ui.pages.base import Page
from app.ui.tasks import spawn
from app.ui.widgets.drop_zone import DropZone

STEP_TITLES = ("About you", "What you are looking for", "Your CV", "Building your profile")


class OnboardingPage(Page):
    title = "Welcome to Job Agent"
    in_navigation = False

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.draft = OnboardingDraft()
        self.active = False
        #: The saved draft has been read, and onboarding opened if it is still needed.
        self.loaded = False
        self.step_label = QLabel()
        self.step_label.setStyleSheet("font-size: 12pt;")
        self.layout_.addWidget(self.step_label)
        self.steps = QStackedWidget()
        self.steps.setMaximumWidth(860)
        self.steps.addWidget(self._about_step())
        self.steps.addWidget(self._preferences_step())
        self.steps.addWidget(self._cv_step())
        self.steps.addWidget(self._build_step())
        self.layout_.addWidget(self.steps, 1)
        self.back_button = QPushButton("&Back")
        self.back_button.clicked.connect(lambda: self.go_to(self.steps.currentIndex() - 1))
        self.next_button = QPushButton("&Next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next_step)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        self.layout_.addLayout(buttons)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(1500)
        self._save_timer.timeout.connect(lambda: spawn(self.save_draft()))
        self.go_to(0)

    # ---- steps
    def _about_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            "Let's set up your profile. It takes two minutes, and everything you enter — and "
            "every CV you import — stays on this computer."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.location = QLineEdit()
        self.location.setPlaceholderText("Where you live, e.g. Leeds, UK")
        for edit, label in (
            (self.name, "&Name"),
            (self.email, "&Email"),
            (self.location, "&Location"),
        ):
            edit.setAccessibleName(label.replace("&", ""))
            edit.textEdited.connect(self._edited)
            form.addRow(label + ":", edit)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _preferences_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            "This decides which jobs score well. Leave anything blank that does not matter "
            "to you; you can change it later on the Profile page."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.preferences = WorkPreferences("What kind of work?")
        self.preferences.changed.connect(self._edited)
        layout.addWidget(self.preferences)
        layout.addStretch(1)
        return page

    def _cv_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.drop_zone = DropZone(
            "<b>Drop your CV here</b> (PDF, Word or text). You can add several: an older CV "
            "often holds skills the newest one left out.",
            CV_SUFFIXES,
        )
        self.drop_zone.files_dropped.connect(self.add_files)
        self.drop_zone.choose_requested.connect(lambda: spawn(self._choose()))
        layout.addWidget(self.drop_zone)
        self.file_list = QListWidget()
        self.file_list.setAccessibleName("Chosen CV files")
        layout.addWidget(self.file_list, 1)
        remove = QPushButton("&Remove file")
        remove.clicked.connect(self._remove_file)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(remove)
        layout.addLayout(row)
        return page

    def _build_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.build_note = QLabel("Reading your CV and building your profile…")
        self.build_note.setWordWrap(True)
        self.stepper = RunStepper()
        layout.addWidget(self.build_note)
        layout.addWidget(self.stepper)
        layout.addStretch(1)
        return page

    def go_to(self, step: int) -> None:
        step = max(0, min(step, self.steps.count() - 1))
        self.steps.setCurrentIndex(step)
        self.step_label.setText(f"Step {step + 1} of {len(STEP_TITLES)} — {STEP_TITLES[step]}")
        self.back_button.setEnabled(0 < step < 3)
        self.back_button.setVisible(step < 3)
        self.next_button.setText(
            (
                "&Next",
                "&Next",
                "&Build my profile" if self.draft.files else "&Skip the CV for now",
                "&Go to my profile",
            )[step]
        )
        if step != self.draft.step and step < 3:
            self.draft.step = step
            spawn(self.save_draft())

    def next_step(self) -> None:
        step = self.steps.currentIndex()
        if step < 2:
            self.go_to(step + 1)
        elif step == 2:
            spawn(self.build_profile())
        else:
            self._finish()

    # ---- the draft
    async def load(self) -> None:
        from app.ui.components.onboarding_store import load_draft

        assert self.runtime is not None
        self.draft = await load_draft(self.runtime.db, self.runtime.user_id)
        self.loaded = True
        if not self.draft.needed:
            return
        self.name.setText(self.draft.name)
        self.email.setText(self.draft.email)
        self.location.setText(self.draft.location)
        self.preferences.set_preferences(
            {
                "remote_modes": self.draft.remote_modes,
                "locations": self.draft.locations,
                "salary_floor": self.draft.salary_floor,
                "salary_currency": self.draft.salary_currency,
                "wanted_titles": self.draft.wanted_titles,
                "basic_info": self.draft.basic_info,
            }
        )
        self._show_files()
        self.active = True
        window = self.window()
        if hasattr(window, "set_onboarding"):
            window.set_onboarding(True)
        self.go_to(min(self.draft.step, 2))

    def _collect(self) -> None:
        prefs = self.preferences.preferences()
        draft = self.draft
        draft.name, draft.email = self.name.text(), self.email.text()
        draft.location = self.location.text()
        draft.remote_modes = prefs["remote_modes"]
        draft.locations = prefs["locations"]
        draft.salary_floor = prefs["salary_floor"]
        draft.salary_currency = prefs["salary_currency"] or "EUR"
        draft.wanted_titles = prefs["wanted_titles"]
        draft.basic_info = prefs["basic_info"]

    def _edited(self, *_args: object) -> None:
        self._save_timer.start()

    async def save_draft(self) -> None:
        from app.ui.components.onboarding_store import save_draft

        self._save_timer.stop()
        if self.runtime is None or not self.active:
            return
        self._collect()
        await save_draft(self.runtime.db, self.runtime.user_id, self.draft)

    # ---- CV files
    async def _choose(self) -> None:
        from app.ui.components.dialogs import choose_open_files

        self.add_files(await choose_open_files(self, "Choose your CV files"))

    def add_files(self, files: list[Path]) -> None:
        known = set(self.draft.files)
        for path in files:
            if str(path) not in known:
                self.draft.files.append(str(path))
        self._show_files()
        self.go_to(2)  # show the files where they can be reviewed
        spawn(self.save_draft())

    def _remove_file(self) -> None:
        row = self.file_list.currentRow()
        if 0 <= row < len(self.draft.files):
            del self.draft.files[row]
            self._show_files()
            self.go_to(2)
            spawn(self.save_draft())

    def _show_files(self) -> None:
        self.file_list.clear()
        for name in self.draft.files:
            exists = Path(name).exists()
            self.file_list.addItem(name if exists else f"{name} (not found)")

    # ---- building
    async def build_profile(self) -> None:
        """Onboarding is done once the answers are stored; profiling then runs on its own."""
        assert self.controllers is not None
        self.draft.completed = True
        await self.save_draft()
        files = [Path(f) for f in self.draft.files if Path(f).exists()]
        if not files:
            self._finish()
            return
        self.go_to(3)
        self.next_button.setEnabled(True)
        await self.controllers.profiling.import_files(files)

    def on_attached(self) -> None:
        assert self.bridge is not None
        self.bridge.run_updated.connect(self._run_updated)
        self.bridge.run_progress.connect(self.stepper.show_progress)
        spawn(self.load())

    def _run_updated(self, update: RunUpdate) -> None:
        if update.kind != "profiling" or not self.active:
            return
        self.stepper.run_id = update.run_id
        self.stepper.show_update(update)
        if update.status == "succeeded":
            self.build_note.setText("Your profile is ready. Check it, then search for jobs.")
        elif update.finished:
            self.build_note.setText(
                "The profile could not be built from these files. You can "
                "import other files from the Profile page."
            )

    def _finish(self) -> None:
        self.active = False
        window = self.window()
        if hasattr(window, "set_onboarding"):
            window.set_onboarding(False)
