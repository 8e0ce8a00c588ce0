"""Settings page: database, sources, import limits, search and budgets, and the features' panels.

Panels edit copies; Save copies every panel's values into ``runtime.settings``
(each panel's ``apply()``, which may refuse a bad value with a ``UserError``)
and writes the settings file once. Revert shows the stored values again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from app.ui.pages.base import Page


def _spin(low: int, high: int, name: str, suffix: str = "", step: int = 1) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setSuffix(suffix)
    spin.setGroupSeparatorShown(True)
    spin.setAccessibleName(name)
    return spin


class LimitsPanel(QWidget):
    """Import limits, search politeness, and the model's review budgets."""

    def __init__(self, runtime: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.max_file_mb = _spin(1, 500, "Largest CV file", " MB")
        self.max_pages = _spin(1, 500, "Most pages per CV", " pages")
        self.import_timeout = _spin(5, 600, "Time limit per CV", " s")
        self.per_host = _spin(1, 16, "Requests at once per site")
        self.search_timeout = QDoubleSpinBox()
        self.search_timeout.setRange(2, 300)
        self.search_timeout.setSuffix(" s")
        self.search_timeout.setAccessibleName("Request time limit")
        self.retries = _spin(0, 10, "Retries per request")
        self.review_top_k = _spin(0, 500, "Jobs the model reviews per search")
        self.review_concurrency = _spin(1, 32, "Model reviews at once")
        self.budget_requests = _spin(0, 100_000, "Model requests per run", step=10)
        self.budget_tokens = _spin(0, 100_000_000, "Model tokens per run", step=10_000)
        form = QFormLayout(self)
        form.addRow(QLabel("<b>Importing CVs</b>"))
        form.addRow("Largest CV &file:", self.max_file_mb)
        form.addRow("Most &pages per CV:", self.max_pages)
        form.addRow("&Time limit per CV:", self.import_timeout)
        form.addRow(QLabel("<b>Searching</b> (applies to the next search)"))
        form.addRow("Requests at &once per site:", self.per_host)
        form.addRow("Request time &limit:", self.search_timeout)
        form.addRow("&Retries per request:", self.retries)
        form.addRow(QLabel("<b>Model review budgets</b> (only used when a model is set up)"))
        form.addRow("Jobs the model &reviews per search:", self.review_top_k)
        form.addRow("Model reviews at o&nce:", self.review_concurrency)
        form.addRow("Model re&quests per run:", self.budget_requests)
        form.addRow("Model to&kens per run:", self.budget_tokens)
        self.revert()

    def revert(self) -> None:
        s = self.runtime.settings
        self.max_file_mb.setValue(s.import_limits.max_file_mb)
        self.max_pages.setValue(s.import_limits.max_pages)
        self.import_timeout.setValue(s.import_limits.timeout_s)
        self.per_host.setValue(s.search.per_host_concurrency)
        self.search_timeout.setValue(s.search.timeout_s)
        self.retries.setValue(s.search.max_retries)
        self.review_top_k.setValue(s.agents.review_top_k)
        self.review_concurrency.setValue(s.agents.review_concurrency)
        self.budget_requests.setValue(s.agents.budget_requests)
        self.budget_tokens.setValue(s.agents.budget_tokens)

    def apply(self) -> None:
        s = self.runtime.settings
        s.import_limits.max_file_mb = self.max_file_mb.value()
        s.import_limits.max_pages = self.max_pages.value()
        s.import_limits.timeout_s = self.import_timeout.value()
        s.search.per_host_concurrency = self.per_host.value()
        s.search.timeout_s = self.search_timeout.value()
        s.search.max_retries = self.retries.value()
        s.agents.review_top_k = self.review_top_k.value()
        s.agents.review_concurrency = self.review_concurrency.value()
        s.agents.budget_requests = self.budget_requests.value()
        s.agents.budget_tokens = self.budget_tokens.value()


class SettingsPage(Page):
    title = "Settings"

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.waiting = QLabel("Settings appear once the database is open.")
        self.layout_.addWidget(self.waiting)
        self.tabs = QTabWidget()
        self.tabs.hide()
        self.layout_.addWidget(self.tabs, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton("&Save settings")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton("Re&vert")
        self.revert_button.clicked.connect(self.revert)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        self.layout_.addLayout(row)
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(False)
        self.panels: list[tuple[str, QWidget]] = []
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.activated.connect(self.save)

    def on_attached(self) -> None:
        from app.ui.components.settings_database import DatabasePanel, describe_in_use
        from app.ui.components.settings_sources import SourcesPanel
        from app.ui.settings_sections import settings_sections

        assert self.runtime is not None
        runtime = self.runtime
        self.database = DatabasePanel(
            runtime.settings, runtime.paths, describe_in_use(runtime), runtime.secrets
        )
        self.sources = SourcesPanel(self.runtime)
        self.limits = LimitsPanel(self.runtime)
        self.panels = [
            ("&Database", self.database),
            ("So&urces", self.sources),
            ("&Limits and budgets", self.limits),
        ]
        self.panels += list(settings_sections(self.runtime))
        for title, panel in self.panels:
            self.tabs.addTab(panel, title)
        self.waiting.hide()
        self.tabs.show()
        self.save_button.setEnabled(True)
        self.revert_button.setEnabled(True)

    def open_without_database(self, settings: Any, paths: Any) -> None:
        """The database could not be opened: offer its settings alone, to point elsewhere."""
        from app.core.secrets import SecretStore
        from app.core.settings import save_settings
        from app.ui.components.settings_database import DatabasePanel

        self.database = DatabasePanel(
            settings, paths, "none: it could not be opened", SecretStore()
        )
        self.panels = [("&Database", self.database)]
        self.tabs.addTab(self.database, "&Database")
        self._save_file = lambda: save_settings(settings, paths.settings_file)
        self.waiting.setText(
            "The database could not be opened (see the message above). "
            "Choose another one, save, and start the app again."
        )
        self.tabs.show()
        self.save_button.setEnabled(True)
        self.revert_button.setEnabled(True)

    def save(self) -> None:
        """Copy every panel into the settings, then write the file once."""
        from app.core.errors import UserError

        if not self.panels:
            return
        for title, panel in self.panels:
            apply = getattr(panel, "apply", None)
            if apply is None:
                continue
            try:
                apply()
            except UserError as exc:
                self.tabs.setCurrentWidget(panel)
                self._say(f"{title.replace('&', '')}: {exc}", ok=False)
                return
        if self.runtime is not None:
            self.runtime.save_settings()
        else:
            self._save_file()
        self._say(
            "Saved. Sources and limits apply to the next run; a database change applies "
            "at the next start.",
            ok=True,
        )

    def revert(self) -> None:
        for _title, panel in self.panels:
            revert = getattr(panel, "revert", None)
            if revert is not None:
                revert()
        self._say("Showing the saved settings.", ok=True)

    def _say(self, text: str, *, ok: bool) -> None:
        self.status.setText(("✔ " if ok else "✖ ") + text)
