"""Jobs page: every job found, filtered and sorted, with a detail pane and the search run."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
)

from app.core.events import RunUpdate
from app.ui.components.job_detail import JobDetailPane
from app.ui.components.job_filter import COLUMN_KEYS, COLUMNS, HIDDEN_BY_DEFAULT
from app.ui.components.job_filter_bar import JobFilterBar
from app.ui.components.jobs_model import JobsTableModel
from app.ui.components.run_stepper import RunStepper
from app.ui.pages.base import Page
from app.ui.tasks import spawn

if TYPE_CHECKING:
    from pathlib import Path

    from app.storage.job_listing import JobRow

#: Other run kinds whose success changes what the table shows.
_RESCORING = ("review",)
_WIDTHS = {"score": 56, "company": 130, "location": 110, "salary": 100, "posted": 84,
           "status": 84, "remote": 80, "source": 140, "offline": 60, "review": 60}  # fmt: skip


class JobsPage(Page):
    title = "Jobs"

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.filters = JobFilterBar()
        self.filters.changed.connect(self.apply_filters)
        # The filter widgets, by name, for the menus, the tests and the screenshots.
        f = self.filters
        self.search, self.min_score, self.source = f.search, f.min_score, f.source
        self.status, self.remote, self.posted = f.status, f.remote, f.posted
        self.layout_.addWidget(self.filters)

        self.count = QLabel()
        self.search_button = QPushButton("&Search now")
        self.search_button.setToolTip("Fetch postings from your sources and score them")
        self.search_button.clicked.connect(lambda: spawn(self.start_search()))
        self.stop_button = QPushButton("Sto&p")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self._stop_search)
        self.export_button = QPushButton("&Export…")
        self.export_button.setToolTip("Save the jobs shown as CSV or JSON")
        self.export_button.clicked.connect(lambda: spawn(self.choose_export()))
        actions = QHBoxLayout()
        actions.addWidget(self.count, 1)
        actions.addWidget(self.search_button)
        actions.addWidget(self.stop_button)
        actions.addWidget(self.export_button)
        self.layout_.addLayout(actions)
        self.stepper = RunStepper()
        self.layout_.addWidget(self.stepper)

        self.model = JobsTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Jobs")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSortIndicatorShown(True)
        for key, width in _WIDTHS.items():
            header.resizeSection(COLUMN_KEYS.index(key), width)
        header.setSectionResizeMode(COLUMN_KEYS.index("title"), QHeaderView.ResizeMode.Stretch)
        for key in HIDDEN_BY_DEFAULT:
            self.table.setColumnHidden(COLUMN_KEYS.index(key), True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.detail = JobDetailPane()
        self.detail.job_changed.connect(self._job_changed)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 340])
        self.layout_.addWidget(splitter, 1)

        self._detail_task: asyncio.Task[None] | None = None
        self._update_count()

    # ---- wiring
    def on_attached(self) -> None:
        assert self.bridge is not None and self.runtime is not None
        self.detail.runtime = self.runtime
        self.bridge.run_updated.connect(self._run_updated)
        self.bridge.run_progress.connect(self.stepper.show_progress)
        spawn(self.reload())
        spawn(self.show_last_run())

    def focus_search(self) -> None:
        self.filters.focus_search()

    def _column_menu(self, position) -> None:  # type: ignore[no-untyped-def]
        """Right-click on the header: show or hide columns."""
        menu = QMenu(self)
        for column, (key, label) in enumerate(COLUMNS):
            if key in ("score", "title"):
                continue
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.table.setColumnHidden(c, not shown))
        menu.popup(self.table.horizontalHeader().mapToGlobal(position))

    # ---- loading
    async def reload(self) -> None:
        """Read the jobs again (hidden ones too: the status filter decides)."""
        from app.storage.job_listing import list_job_rows

        assert self.runtime is not None
        current = self.current_job()
        rows = await list_job_rows(self.runtime.db, self.runtime.user_id, include_hidden=True)
        self.model.set_rows(rows)
        self.filters.set_sources(self.model.sources())
        self._update_count()
        if current is not None:
            self.select_job(current.job_id)

    # ---- filtering and selection
    def apply_filters(self) -> None:
        self.model.set_filter(self.filters.current())
        self._update_count()
        if self.table.currentIndex().isValid():
            self.table.scrollTo(self.table.currentIndex())

    def clear_filters(self) -> None:
        self.filters.clear()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        if total == 0:
            self.count.setText("No jobs yet. Add sources in Settings, then press Search now.")
        else:
            self.count.setText(f"{shown:,} of {total:,} jobs")

    def current_job(self) -> JobRow | None:
        return self.model.job_at(self.table.currentIndex().row())

    def select_job(self, job_id: int) -> bool:
        row = self.model.row_of_job(job_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        job = self.model.job_at(current.row())
        if self._detail_task is not None and not self._detail_task.done():
            self._detail_task.cancel()
        self._detail_task = spawn(self.detail.load(job.job_id if job else None))

    def _job_changed(self, old_job_id: int, row: JobRow) -> None:
        self.model.update_job(old_job_id, row)
        self._update_count()
        if not self.select_job(row.job_id):
            self.table.clearSelection()

    # ---- search runs
    async def start_search(self) -> None:
        assert self.controllers is not None
        await self.controllers.search.search()

    def _stop_search(self) -> None:
        if self.runtime is not None and self.stepper.run_id is not None:
            self.runtime.runner.cancel(self.stepper.run_id)

    def _run_updated(self, update: RunUpdate) -> None:
        if update.kind in _RESCORING and update.status == "succeeded":
            spawn(self.reload())  # the model reviewed jobs: show its scores
        if not self.stepper.follow(update, "search"):
            return
        self.search_button.setEnabled(update.finished)
        self.stop_button.setEnabled(not update.finished)
        if update.status == "succeeded":
            spawn(self.reload())

    async def show_last_run(self) -> None:
        """Until a run starts, the stepper shows how the last search run ended."""
        assert self.runtime is not None
        await self.stepper.show_last_run(self.runtime.db, "search", "search")

    # ---- export
    def visible_rows(self) -> list[JobRow]:
        return [row for i in range(self.model.rowCount()) if (row := self.model.job_at(i))]

    async def choose_export(self) -> None:
        from app.ui.components.dialogs import choose_save_file

        path = await choose_save_file(self, "Export jobs", "jobs.csv", "CSV (*.csv);;JSON (*.json)")
        if path is not None:
            await self.export_to(path)

    async def export_to(self, path: Path) -> int:
        from app.ui.components.job_export import export_rows

        rows = self.visible_rows()
        count = await asyncio.to_thread(export_rows, rows, path)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"Exported {count:,} jobs to {path}", 8000)
        return count
