"""Runs page: the history of workflow runs, and the selected run's live stepper.

The table shows Run rows as read at load and as the bridge's ``run_updated``
reports each write; the stepper follows the selected run (or, when nothing is
selected, the newest active one). A failed run's error is selectable and
copyable; an interrupted, failed or cancelled run can be started again.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
)

from app.core.events import RunProgress, RunUpdate
from app.ui.components.run_stepper import RunStepper
from app.ui.components.runs_model import RunEntry, RunsTableModel, usage_text
from app.ui.pages.base import Page
from app.ui.tasks import spawn
from app.ui.widgets.copyable_text import CopyableText

_RERUNNABLE = ("interrupted", "failed", "cancelled")


class RunsPage(Page):
    title = "Runs"

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.model = RunsTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Run history")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        for column, width in enumerate((50, 90, 160, 130, 90, 230)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.clicked.connect(lambda index: self._current_changed(index, None))

        self.heading_run = QLabel("No run selected.")
        self.heading_run.setStyleSheet("font-weight: 600;")
        self.stepper = RunStepper()
        self.cancel_button = QPushButton("S&top run")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._cancel_selected)
        self.again_button = QPushButton("Run &again")
        self.again_button.setEnabled(False)
        self.again_button.clicked.connect(lambda: spawn(self.run_again()))
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.usage = QLabel()
        self.error = CopyableText("Error")
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.stepper, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.again_button)
        self.layout_.addWidget(self.heading_run)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.usage)
        self.layout_.addWidget(self.warnings)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.table, 1)
        self._followed: int | None = None
        self._pinned = False  # the user picked a run: stop jumping to new ones
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.model.tick)
        self._ticker.start()

    def on_attached(self) -> None:
        assert self.bridge is not None
        self.bridge.run_updated.connect(self.show_update)
        self.bridge.run_progress.connect(self.show_progress)
        spawn(self.reload())

    async def reload(self) -> None:
        from app.storage import runs as run_store

        assert self.runtime is not None
        for run in reversed(await run_store.list_runs(self.runtime.db, limit=500)):
            self.model.upsert(run_store.to_update(run), run.started_at, run.finished_at)
        if self._followed is None and self.model.rowCount():
            self._select_row(0)

    def show_update(self, update: RunUpdate) -> None:
        """A Run row was written: show it, and follow it if it is the run to watch."""
        entry = self.model.entry_by_id(update.run_id)
        self.model.upsert(update)
        if entry is None or entry.started_at is None or update.finished:
            spawn(self._read_times(update.run_id))
        is_new = entry is None and not update.finished
        if update.run_id == self._followed or is_new or (not update.finished and not self._pinned):
            self._select_run(update.run_id)

    def show_progress(self, progress: RunProgress) -> None:
        if progress.run_id == self._followed:
            self.stepper.set_detail(progress.detail)

    async def _read_times(self, run_id: int) -> None:
        from app.storage.runs import get_run, to_update

        assert self.runtime is not None
        run = await get_run(self.runtime.db, run_id)
        if run is not None:
            self.model.upsert(to_update(run), run.started_at, run.finished_at)
            if run_id == self._followed:
                self._show_entry(self.model.entry_by_id(run_id))

    def _select_run(self, run_id: int) -> None:
        row = self.model.row_of(run_id)
        if row is not None:
            self._select_row(row)

    def _select_row(self, row: int) -> None:
        pinned = self._pinned
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._pinned = pinned
        self._show_entry(self.model.entry(row))

    def _current_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        entry = self.model.entry(current.row())
        self._pinned = entry is not None and entry.update.finished
        self._show_entry(entry)

    def _show_entry(self, entry: RunEntry | None) -> None:
        if entry is None:
            self._followed = None
            self.heading_run.setText("No run selected.")
            self.stepper.clear()
            self.error.hide()
            return
        update = entry.update
        self._followed = update.run_id
        self.heading_run.setText(f"Run {update.run_id}: {update.kind}, {update.status}")
        self.stepper.show_update(update)
        self.cancel_button.setEnabled(not update.finished)
        can_again = self.controllers is not None and self.controllers.can_run_again(update.kind)
        self.again_button.setEnabled(update.status in _RERUNNABLE and can_again)
        self.again_button.setToolTip(
            "This run stopped before it finished: start it again."
            if update.status == "interrupted"
            else ""
        )
        self.error.set_text(update.error_message or "")
        self.warnings.setText("<br>".join(f"⚠ {w}" for w in update.warnings))
        usage = usage_text(update.usage)
        self.usage.setText(f"Usage: {usage}" if usage else "")

    def _cancel_selected(self) -> None:
        if self.runtime is not None and self._followed is not None:
            self.runtime.runner.cancel(self._followed)

    async def run_again(self) -> None:
        entry = self.model.entry_by_id(self._followed) if self._followed is not None else None
        if entry is None or self.controllers is None:
            return
        self._pinned = False
        await self.controllers.run_again(entry.update.kind)
