"""Runs page: history of workflow runs, and the live stepper of the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from app.core.events import RunProgress, RunUpdate
from app.ui.pages.base import Page
from app.ui.tasks import spawn
from app.ui.widgets.progress_stepper import ProgressStepper

COLUMNS = ["ID", "Kind", "Status", "Started", "Duration", "Error"]


class RunsPage(Page):
    title = "Runs"

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.stepper = ProgressStepper()
        self.cancel_button = QPushButton("Stop run")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._cancel_selected)
        row = QHBoxLayout()
        row.addWidget(self.stepper, 1)
        row.addWidget(self.cancel_button)
        self.layout_.addLayout(row)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1,
                                                           QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.layout_.addWidget(self.table, 1)
        self._selected_run: int | None = None
        self._rows: dict[int, RunUpdate] = {}

    def on_attached(self) -> None:
        assert self.bridge is not None
        self.bridge.run_updated.connect(self.show_update)
        self.bridge.run_progress.connect(self.show_progress)
        spawn(self.reload())

    async def reload(self) -> None:
        from app.storage import runs as run_store

        assert self.runtime is not None
        for run in reversed(await run_store.list_runs(self.runtime.db, limit=200)):
            self.show_update(run_store.to_update(run), started=run.started_at,
                             duration=run_store.duration_seconds(run))

    def show_update(self, update: RunUpdate, started=None, duration=None) -> None:  # type: ignore[no-untyped-def]
        """Put the row in the table, and show it on the stepper if it is the followed run."""
        if update.run_id not in self._rows:
            self.table.insertRow(0)
        self._rows[update.run_id] = update
        row = self._row_of(update.run_id)
        values = [str(update.run_id), update.kind, update.status,
                  started.strftime("%Y-%m-%d %H:%M") if started else "",
                  f"{duration:.1f}s" if duration is not None else "",
                  update.error_message or ""]
        for column, value in enumerate(values):
            if column in (3, 4) and not value and self.table.item(row, column):
                continue
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, update.run_id)
            self.table.setItem(row, column, item)
        if self._selected_run is None or self._selected_run == update.run_id \
                or (not update.finished and update.run_id > (self._selected_run or 0)):
            self._follow(update)

    def show_progress(self, progress: RunProgress) -> None:
        if progress.run_id == self._selected_run:
            self.stepper.set_detail(progress.detail)

    def _follow(self, update: RunUpdate) -> None:
        self._selected_run = update.run_id
        self.stepper.show_run(update.step_names, update.current_step, update.status,
                              error=update.error_message)
        self.cancel_button.setEnabled(not update.finished)

    def _row_of(self, run_id: int) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is None or item.text() == str(run_id):
                return row
        return 0

    def _selection_changed(self) -> None:
        items = self.table.selectedItems()
        if items:
            run_id = items[0].data(Qt.ItemDataRole.UserRole)
            if run_id in self._rows:
                self._follow(self._rows[run_id])

    def _cancel_selected(self) -> None:
        if self.runtime is not None and self._selected_run is not None:
            self.runtime.runner.cancel(self._selected_run)
