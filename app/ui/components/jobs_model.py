"""JobsTableModel: the jobs table, filtered and sorted in Python at list speed.

One ``QAbstractTableModel`` holds every loaded row (a ``JobIndex``) and the
order of the visible ones. A filter or sort change recomputes that order
with ``JobIndex.select``/``sort`` and tells the view with a layout change,
moving persistent indexes so the selection follows its job. The view only
ever asks for the few dozen cells on screen.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.storage.job_listing import JobRow
from app.ui.components.job_filter import COLUMN_KEYS, COLUMNS, REMOTE_LABELS, JobFilter, JobIndex
from app.ui.theme import colours, is_dark, score_role

JOB_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


_SCORE_KEYS = ("score", "offline", "review")
_PER = {"hour": "/h", "day": "/day", "week": "/wk", "month": "/mo"}


def _score_of(job: JobRow, key: str) -> float | None:
    return {"score": job.best_score, "offline": job.score, "review": job.llm_score}[key]


def compact_salary(job: JobRow) -> str:
    """ "67k–76k GBP": short enough for a table column; the tooltip has the full text."""
    values = [v for v in (job.salary_min, job.salary_max) if v is not None]
    if not values:
        return ""

    def short(value: float) -> str:
        return f"{value / 1000:.0f}k" if value >= 10_000 else f"{value:,.0f}"

    text = "–".join(dict.fromkeys(short(v) for v in values))
    text = f"{text} {job.salary_currency}" if job.salary_currency else text
    return text + _PER.get(job.salary_interval or "year", "")


def posted_text(when: datetime | None, now: datetime | None = None) -> str:
    if when is None:
        return ""
    days = ((now or datetime.now(UTC)) - when).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    return when.strftime("%d %b" if days < 300 else "%b %Y")


class JobsTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._index = JobIndex([])
        self._order: list[int] = []
        self._filter = JobFilter()
        self._sort: tuple[str, bool] = ("score", True)
        self._colour_cache: dict[str, tuple[QColor, QColor]] = {}

    # ---- loading, filtering, sorting
    def set_rows(self, rows: list[JobRow]) -> None:
        self.beginResetModel()
        self._index = JobIndex(rows)
        self._order = self._compute_order()
        self._colour_cache.clear()
        self.endResetModel()

    def set_filter(self, spec: JobFilter) -> None:
        if spec != self._filter:
            self._filter = spec
            self._relayout()

    @property
    def job_filter(self) -> JobFilter:
        return self._filter

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMN_KEYS[column]
        self._sort = (key, order == Qt.SortOrder.DescendingOrder)
        self._relayout()

    def total_count(self) -> int:
        return len(self._index)

    def sources(self) -> list[str]:
        return self._index.sources()

    def _compute_order(self) -> list[int]:
        column, descending = self._sort
        return self._index.sort(self._index.select(self._filter), column, descending)

    def _relayout(self) -> None:
        self.layoutAboutToBeChanged.emit()
        old_order = self._order
        self._order = self._compute_order()
        persistent = self.persistentIndexList()
        if persistent:
            where = {position: row for row, position in enumerate(self._order)}
            new_indexes = []
            for index in persistent:
                position = old_order[index.row()] if index.row() < len(old_order) else None
                row = where.get(position) if position is not None else None
                new_indexes.append(
                    self.index(row, index.column()) if row is not None else QModelIndex()
                )
            self.changePersistentIndexList(persistent, new_indexes)
        self.layoutChanged.emit()

    # ---- rows by job
    def job_at(self, row: int) -> JobRow | None:
        return self._index.rows[self._order[row]] if 0 <= row < len(self._order) else None

    def row_of_job(self, job_id: int) -> int | None:
        for row, position in enumerate(self._order):
            if self._index.rows[position].job_id == job_id:
                return row
        return None

    def update_job(self, old_job_id: int, row: JobRow) -> None:
        """Put a re-read row in place of the one that was ``old_job_id``; refilter."""
        for position, existing in enumerate(self._index.rows):
            if existing.job_id == old_job_id:
                self._index.replace(position, row)
                break
        else:
            return
        self._relayout()
        visible = self.row_of_job(row.job_id)
        if visible is not None:
            self.dataChanged.emit(self.index(visible, 0), self.index(visible, len(COLUMNS) - 1))

    # ---- Qt model interface
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def multiData(self, index: _Index, span: QModelRoleDataSpan) -> None:
        """All the roles a delegate asks for, in one call into Python instead of seven."""
        for i in range(len(span)):
            item = span[i]
            value = self.data(index, item.role())
            if value is None:
                item.clearData()
            else:
                item.setData(value)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        job = self._index.rows[self._order[index.row()]]
        key = COLUMN_KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(job, key)
        if role == JOB_ROLE:
            return job
        if key in _SCORE_KEYS and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            value = _score_of(job, key)
            if value is None:
                return None
            background, foreground = self._colours(score_role(value))
            return background if role == Qt.ItemDataRole.BackgroundRole else foreground
        if role == Qt.ItemDataRole.TextAlignmentRole and key in _SCORE_KEYS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(job, key)
        return None

    @staticmethod
    def _display(job: JobRow, key: str) -> str:
        if key in _SCORE_KEYS:
            value = _score_of(job, key)
            if value is None:
                return ""
            reviewed = key == "score" and job.llm_score is not None
            return f"{value:.0f} ✦" if reviewed else f"{value:.0f}"
        if key == "remote":
            return REMOTE_LABELS.get(job.remote or "", "")
        if key == "salary":
            return compact_salary(job)
        if key == "posted":
            return posted_text(job.posted_at)
        if key == "status":
            return job.status.capitalize()
        if key == "title" and job.closed:
            return f"{job.title} (closed)"
        value = getattr(job, key)
        return value or ""

    @staticmethod
    def _tooltip(job: JobRow, key: str) -> str | None:
        if key == "score":
            parts = [f"Offline score {job.score:.0f}" if job.score is not None else "Not scored"]
            if job.llm_score is not None:
                parts.append(f"the model's review {job.llm_score:.0f} (✦)")
            return "; ".join(parts)
        if key == "title":
            extra = f" (also at {len(job.sources) - 1} other source(s))" if job.duplicates else ""
            return f"{job.title} — {job.company or 'unknown company'}{extra}"
        if key == "salary":
            return job.salary_text() or None
        return None

    def _colours(self, role: str) -> tuple[QColor, QColor]:
        key = f"{role}-{is_dark()}"  # the system may switch light/dark while the app runs
        if key not in self._colour_cache:
            background, foreground = colours(role)
            self._colour_cache[key] = (QColor(background), QColor(foreground))
        return self._colour_cache[key]
