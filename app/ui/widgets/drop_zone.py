"""DropZone: a framed area that takes dropped files, with a button to pick them instead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


def local_files(mime: QMimeData, suffixes: tuple[str, ...]) -> list[Path]:
    """The local files in a drag's data whose names end with one of ``suffixes``."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in suffixes]


class DropZone(QFrame):
    """Signals:
    files_dropped(list): the ``Path``s dropped on the zone.
    choose_requested(): the "Choose files…" button was pressed.
    """

    files_dropped = Signal(list)
    choose_requested = Signal()

    def __init__(self, text: str, suffixes: tuple[str, ...], *, button_text: str = "&Choose files…",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.suffixes = suffixes
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self.setMinimumHeight(120)
        self._set_hover(False)
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        self.button = QPushButton(button_text)
        self.button.clicked.connect(self.choose_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if local_files(event.mimeData(), self.suffixes):
            event.acceptProposedAction()
            self._set_hover(True)

    def dragLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._set_hover(False)

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._set_hover(False)
        files = local_files(event.mimeData(), self.suffixes)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)

    def _set_hover(self, hover: bool) -> None:
        colour = "palette(highlight)" if hover else "palette(mid)"
        self.setStyleSheet(
            f"QFrame#dropZone {{ border: 2px dashed {colour}; border-radius: 8px; }}"
        )
