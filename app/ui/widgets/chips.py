"""ChipList: short labels ("Xero", "Payroll") in wrapping rows, each with a tooltip.

Chips can take keyboard focus, so their tooltip text (set as the accessible
description too) is reachable without a mouse; removable chips carry a small
"×" button that emits ``removed``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from app.ui.widgets.flow_layout import FlowLayout

_CHIP_STYLE = """
QFrame#chip { border: 1px solid palette(mid); border-radius: 11px;
              background: palette(alternate-base); }
QFrame#chip:focus { border: 2px solid palette(highlight); }
QFrame#chip QToolButton { border: none; padding: 0 2px; }
"""


class Chip(QFrame):
    """Signals:
    remove_clicked(): the "×" button was pressed.
    """

    remove_clicked = Signal()

    def __init__(self, text: str, tooltip: str = "", *, removable: bool = False,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("chip")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text = text
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 4 if removable else 10, 2)
        layout.setSpacing(2)
        label = QLabel(text)
        layout.addWidget(label)
        if tooltip:
            self.setToolTip(tooltip)
        self.setAccessibleName(text)
        self.setAccessibleDescription(tooltip)
        if removable:
            button = QToolButton()
            button.setText("×")
            button.setAccessibleName(f"Remove {text}")
            button.setToolTip(f"Remove {text}")
            button.clicked.connect(self.remove_clicked)
            layout.addWidget(button)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_clicked.emit()
            return
        super().keyPressEvent(event)


class ChipList(QWidget):
    """Signals:
    removed(str): the user removed the chip with this text.
    """

    removed = Signal(str)

    def __init__(self, *, removable: bool = False, empty_text: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._removable = removable
        self._layout = FlowLayout(self)
        self._empty = QLabel(empty_text)
        self._empty.setEnabled(False)
        self._layout.addWidget(self._empty)
        self.setStyleSheet(_CHIP_STYLE)
        self._chips: list[Chip] = []

    def set_chips(self, chips: list[tuple[str, str]]) -> None:
        """Replace the chips with (text, tooltip) pairs."""
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        for text, tooltip in chips:
            chip = Chip(text, tooltip, removable=self._removable, parent=self)
            chip.remove_clicked.connect(lambda t=text: self.removed.emit(t))
            self._layout.addWidget(chip)
            self._chips.append(chip)
        self._empty.setVisible(not chips and bool(self._empty.text()))
        self._layout.invalidate()
        self.updateGeometry()

    def texts(self) -> list[str]:
        return [chip.text for chip in self._chips]

    def chip(self, text: str) -> Chip | None:
        return next((chip for chip in self._chips if chip.text == text), None)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.heightForWidth(width)
