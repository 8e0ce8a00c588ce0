"""What every page shares: a title, and being attached to the Runtime once it is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from app.runtime import Runtime
    from app.ui.bridge import RunEventBridge


class Page(QWidget):
    """A page. The window shows first; ``attach`` comes when the database is open."""

    title = "Page"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime: Runtime | None = None
        self.bridge: RunEventBridge | None = None
        self.layout_ = QVBoxLayout(self)
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.layout_.addWidget(heading)

    def attach(self, runtime: Runtime, bridge: RunEventBridge) -> None:
        """Called once, on the GUI thread, when the Runtime is ready."""
        self.runtime = runtime
        self.bridge = bridge
        self.on_attached()

    def on_attached(self) -> None:
        """Override to load data and connect to the bridge."""
