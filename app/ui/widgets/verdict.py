"""VerdictLabel: the outcome of a test button (connection, model), marked and coloured."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.theme import colours


class VerdictLabel(QLabel):
    """Selectable, wrapping text; ``show_verdict(True|False|None, text)`` marks it."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_verdict(self, ok: bool | None, text: str) -> None:
        """ok: True (✔, good colours), False (✖, poor colours), None (plain, e.g. "Testing…")."""
        mark = {True: "✔ ", False: "✖ ", None: ""}[ok]
        self.setText(mark + text)
        if ok is None:
            self.setStyleSheet("")
            return
        background, foreground = colours("good" if ok else "poor", self)
        self.setStyleSheet(f"background: {background}; color: {foreground}; padding: 4px;")
