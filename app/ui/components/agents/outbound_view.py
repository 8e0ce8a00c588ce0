"""The outbound log in the window: every call to a model, what was sent and what was kept back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.tasks import spawn

if TYPE_CHECKING:
    from app.runtime import Runtime

COLUMNS = ["Time", "Provider", "Model", "Purpose", "Where", "Tokens in/out", "Sent",
           "Removed", "Result"]  # fmt: skip


class OutboundLogView(QWidget):
    """A read-only table of ``outbound_call`` rows, newest first; ``reload()`` refreshes it."""

    def __init__(self, runtime: Runtime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.summary = QLabel()
        self.refresh_button = QPushButton("&Refresh")
        self.refresh_button.clicked.connect(lambda: spawn(self.reload()))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Outbound log")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch
        )
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        spawn(self.reload())

    async def reload(self) -> None:
        from app.agents.outbound import call_to_dict, list_calls

        calls = [call_to_dict(c) for c in await list_calls(self.runtime.db, limit=500)]
        self.show_calls(calls)

    def show_calls(self, calls: list[dict]) -> None:
        self.table.setRowCount(len(calls))
        for row, call in enumerate(calls):
            values = [
                call["at"][:19].replace("T", " "),
                call["provider"],
                call["model"],
                call["purpose"],
                "this computer" if call["local"] else (call["host"] or ""),
                f"{call['input_tokens']} / {call['output_tokens']}",
                ", ".join(call["sent"]),
                ", ".join(call["redacted"]) or "—",
                "ok" if call["ok"] else f"failed: {call['error']}",
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        if calls:
            tokens = sum(c["input_tokens"] + c["output_tokens"] for c in calls)
            self.summary.setText(f"{len(calls)} call(s), {tokens:,} tokens in all.")
        else:
            self.summary.setText("Nothing has been sent to an AI model.")
