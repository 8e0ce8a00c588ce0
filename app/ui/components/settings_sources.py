"""Settings ▸ Sources: the job boards and feeds a search reads; add, enable, remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.theme import colours

if TYPE_CHECKING:
    from app.core.settings import SourceEntry
    from app.runtime import Runtime

HELP = (
    "A source is <code>KIND:ID</code>: <code>greenhouse:BOARD</code>, <code>lever:SITE</code>, "
    "<code>ashby:NAME</code>, <code>smartrecruiters:COMPANY</code>, <code>remotive:</code> "
    "(or <code>remotive:search=accountant</code>), <code>arbeitnow:</code>, "
    "<code>rss:https://…/feed.xml</code>, <code>file:/path/jobs.csv</code>."
)
_COLUMNS = ("On", "Source", "Name", "Base URL")


class SourcesPanel(QWidget):
    def __init__(self, runtime: Runtime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.entries: list[SourceEntry] = []
        help_label = QLabel(HELP)
        help_label.setWordWrap(True)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setAccessibleName("Job sources")
        self.table.setHorizontalHeaderLabels(_COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.resizeSection(1, 420)
        header.resizeSection(2, 240)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.remove_button = QPushButton("&Remove source")
        self.remove_button.clicked.connect(self.remove_selected)
        self.spec = QLineEdit()
        self.spec.setPlaceholderText("greenhouse:acme")
        self.spec.setAccessibleName("New source")
        self.spec.returnPressed.connect(self.add_from_form)
        self.name = QLineEdit()
        self.name.setPlaceholderText("optional display name")
        self.name.setAccessibleName("New source name")
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText("optional: another API host (proxies, Lever's EU host)")
        self.base_url.setAccessibleName("New source base URL")
        self.add_button = QPushButton("&Add source")
        self.add_button.clicked.connect(self.add_from_form)
        self.error = QLabel()
        self.error.setObjectName("sourceError")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("Sour&ce:", self.spec)
        form.addRow("Name:", self.name)
        form.addRow("Base URL:", self.base_url)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.revert()

    def revert(self) -> None:
        self.entries = [entry.model_copy() for entry in self.runtime.settings.sources]
        self._show()
        self.error.hide()

    def apply(self) -> None:
        self.runtime.settings.sources = [entry.model_copy() for entry in self.entries]

    def add_source(self, text: str, name: str = "", base_url: str = "") -> bool:
        """Validate and add a source; on a mistake, say what is wrong and return False."""
        from app.core.settings import SourceEntry
        from app.sources.spec import parse_spec

        try:
            spec = parse_spec(text, base_url=base_url.strip() or None, name=name.strip() or None)
        except ValueError as exc:
            self._error(str(exc).capitalize())
            return False
        if any(f"{e.kind}:{e.id}" == spec.key for e in self.entries):
            self._error(f"{spec.key} is already in the list.")
            return False
        self.entries.append(
            SourceEntry(kind=spec.kind, id=spec.id, base_url=spec.base_url, name=spec.name)
        )
        self.error.hide()
        self._show()
        return True

    def add_from_form(self) -> None:
        if self.add_source(self.spec.text(), self.name.text(), self.base_url.text()):
            for edit in (self.spec, self.name, self.base_url):
                edit.clear()
            self.spec.setFocus()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            del self.entries[row]
        self._show()

    def _show(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            on = QTableWidgetItem()
            on.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            on.setCheckState(Qt.CheckState.Checked if entry.enabled else Qt.CheckState.Unchecked)
            on.setData(Qt.ItemDataRole.AccessibleTextRole, f"Enabled: {entry.kind}:{entry.id}")
            self.table.setItem(row, 0, on)
            for column, value in enumerate(
                (f"{entry.kind}:{entry.id}", entry.name or "", entry.base_url or ""), start=1
            ):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnToContents(0)
        self.table.blockSignals(False)
        self.remove_button.setEnabled(bool(self.entries))

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0 and 0 <= item.row() < len(self.entries):
            self.entries[item.row()].enabled = item.checkState() == Qt.CheckState.Checked

    def _error(self, message: str) -> None:
        background, foreground = colours("poor", self)
        self.error.setStyleSheet(f"background: {background}; color: {foreground}; padding: 4px;")
        self.error.setText(message)
        self.error.show()
