"""RunsTableModel: the run history, newest first, as the Run rows and their updates say."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.core.events import RunUpdate

COLUMNS = ("ID", "Kind", "Status", "Started", "Duration", "Usage", "Error")
RUN_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_STATUS_MARKS = {"succeeded": "✔", "failed": "✖", "running": "◉", "queued": "○",
                 "cancelled": "■", "interrupted": "⚠"}  # fmt: skip


@dataclass
class RunEntry:
    """What the table shows of one run: its latest update and its stored times."""

    update: RunUpdate
    started_at: datetime | None = None
    finished_at: datetime | None = None

    @property
    def run_id(self) -> int:
        return self.update.run_id

    def duration(self, now: datetime | None = None) -> float | None:
        if self.started_at is None:
            return None
        end = self.finished_at or (None if self.update.finished else now or datetime.now(UTC))
        return (end - self.started_at).total_seconds() if end else None


def usage_text(usage: dict[str, Any]) -> str:
    """ "requests 41, tokens 12,034" from a run's usage dict."""
    parts = []
    for key, value in usage.items():
        if isinstance(value, int | float):
            parts.append(f"{key.replace('_', ' ')} {value:,.0f}")
    return ", ".join(parts)


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return ""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(int(seconds), 60)
    return (
        f"{minutes} min {secs:02d} s" if minutes < 60 else f"{minutes // 60} h {minutes % 60} min"
    )


class RunsTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[RunEntry] = []  # newest (highest id) first

    def entry(self, row: int) -> RunEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def entry_by_id(self, run_id: int) -> RunEntry | None:
        row = self.row_of(run_id)
        return None if row is None else self._entries[row]

    def row_of(self, run_id: int) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.run_id == run_id:
                return row
        return None

    def upsert(self, update: RunUpdate, started_at: datetime | None = None,
               finished_at: datetime | None = None) -> int:  # fmt: skip
        """Show ``update``; returns its row."""
        row = self.row_of(update.run_id)
        if row is None:
            row = next((i for i, e in enumerate(self._entries) if e.run_id < update.run_id),
                       len(self._entries))  # fmt: skip
            self.beginInsertRows(QModelIndex(), row, row)
            self._entries.insert(row, RunEntry(update, started_at, finished_at))
            self.endInsertRows()
            return row
        entry = self._entries[row]
        entry.update = update
        entry.started_at = started_at or entry.started_at
        entry.finished_at = finished_at or entry.finished_at
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return row

    def tick(self) -> None:
        """Refresh the durations of unfinished runs."""
        for row, entry in enumerate(self._entries):
            if not entry.update.finished:
                index = self.index(row, 4)
                self.dataChanged.emit(index, index)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        update, column = entry.update, index.column()
        if role == RUN_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole and column == 6:
            return update.error_message or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return str(update.run_id)
        if column == 1:
            return update.kind.capitalize()
        if column == 2:
            step = f" ({update.current_step})" if update.status == "running" and \
                update.current_step else ""  # fmt: skip
            return f"{_STATUS_MARKS.get(update.status, '')} {update.status}{step}"
        if column == 3:
            started = entry.started_at
            return started.astimezone().strftime("%Y-%m-%d %H:%M") if started else ""
        if column == 4:
            return duration_text(entry.duration())
        if column == 5:
            return usage_text(update.usage)
        return (update.error_message or "").splitlines()[0] if update.error_message else ""
