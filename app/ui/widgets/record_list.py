"""RecordListEditor: edit a list of small records (jobs held, schools, certificates…).

A list of entries on the left, the selected entry's fields on the right. Each
field is a ``FieldSpec``: a one-line text, a free text, or a list of lines
(bullets). Keys the editor does not show are kept as they were, so editing a
record never drops data another part of the app put there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    kind: str = "line"  # "line", "text" or "lines" (a list of strings, one per line)


def _as_text(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "lines":
        items = value if isinstance(value, list) else [value]
        return "\n".join(str(item) for item in items)
    return str(value)


def _from_text(text: str, kind: str) -> Any:
    if kind == "lines":
        return [line.strip() for line in text.splitlines() if line.strip()]
    return text.strip() or None


class RecordListEditor(QWidget):
    """Signals:
    changed(): a record was added, removed, moved or edited.
    """

    changed = Signal()

    def __init__(self, fields: list[FieldSpec], summary: Callable[[dict[str, Any]], str],
                 *, noun: str = "entry", parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._fields = fields
        self._summary = summary
        self._records: list[dict[str, Any]] = []
        self._loading = False
        self.list = QListWidget()
        self.list.setAccessibleName(f"{noun.capitalize()} list")
        self.list.currentRowChanged.connect(self._show_record)
        add, remove = QPushButton(f"Add {noun}"), QPushButton("Remove")
        up, down = QPushButton("Up"), QPushButton("Down")
        add.clicked.connect(self.add_record)
        remove.clicked.connect(self._remove_current)
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        self._record_buttons = [remove, up, down]
        buttons = QHBoxLayout()
        for button in (add, remove, up, down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        self._form = QFormLayout()
        self._editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        for spec in fields:
            editor: QLineEdit | QPlainTextEdit
            if spec.kind == "line":
                editor = QLineEdit()
                editor.textEdited.connect(self._edited)
            else:
                editor = QPlainTextEdit()
                editor.setTabChangesFocus(True)
                editor.setFixedHeight(90 if spec.kind == "lines" else 70)
                editor.textChanged.connect(self._edited)
                if spec.kind == "lines":
                    editor.setPlaceholderText("One per line")
            editor.setAccessibleName(spec.label.replace("&", ""))
            self._editors[spec.key] = editor
            self._form.addRow(spec.label, editor)
        body = QHBoxLayout(self)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 2)
        body.addLayout(self._form, 3)
        self._show_record(-1)

    def set_records(self, records: list[dict[str, Any]]) -> None:
        self._records = [dict(r) if isinstance(r, dict) else {self._fields[0].key: str(r)}
                         for r in records or []]  # fmt: skip
        self._loading = True
        self.list.clear()
        self.list.addItems([self._summary(r) for r in self._records])
        self._loading = False
        self.list.setCurrentRow(0 if self._records else -1)
        self._show_record(self.list.currentRow())

    def records(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._records]

    def add_record(self) -> None:
        self._records.append({})
        self.list.addItem(self._summary({}) or "(new)")
        self.list.setCurrentRow(len(self._records) - 1)
        next(iter(self._editors.values())).setFocus()
        self.changed.emit()

    def _remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._records):
            del self._records[row]
            self.list.takeItem(row)
            self._show_record(self.list.currentRow())
            self.changed.emit()

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < len(self._records) and 0 <= target < len(self._records):
            self._records[row], self._records[target] = self._records[target], self._records[row]
            for index in (row, target):
                self.list.item(index).setText(self._summary(self._records[index]) or "(new)")
            self.list.setCurrentRow(target)
            self.changed.emit()

    def _show_record(self, row: int) -> None:
        record = self._records[row] if 0 <= row < len(self._records) else None
        self._loading = True
        for spec in self._fields:
            editor = self._editors[spec.key]
            text = _as_text(record.get(spec.key), spec.kind) if record else ""
            if isinstance(editor, QLineEdit):
                editor.setText(text)
            else:
                editor.setPlainText(text)
            editor.setEnabled(record is not None)
        for button in self._record_buttons:
            button.setEnabled(record is not None)
        self._loading = False

    def _edited(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self._records):
            return
        record = self._records[row]
        for spec in self._fields:
            editor = self._editors[spec.key]
            text = editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()
            value = _from_text(text, spec.kind)
            if value in (None, []) and spec.key not in record:
                continue
            record[spec.key] = value
        self.list.item(row).setText(self._summary(record) or "(new)")
        self.changed.emit()
