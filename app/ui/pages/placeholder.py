"""Pages whose features are still to come: they say so instead of showing nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.ui.pages.base import Page


class _ComingPage(Page):
    note = ""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        label = QLabel(self.note)
        label.setWordWrap(True)
        self.layout_.addWidget(label)
        self.layout_.addStretch(1)


class ProfilePage(_ComingPage):
    title = "Profile"
    note = "Import a CV to build your profile."


class JobsPage(_ComingPage):
    title = "Jobs"
    note = "Add job sources in Settings, then run a search."


class SettingsPage(_ComingPage):
    title = "Settings"
    note = "Settings are edited in the settings file for now."
