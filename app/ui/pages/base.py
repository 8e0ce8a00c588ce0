"""What every page shares: a title, and being attached to the Runtime once it is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from app.runtime import Runtime
    from app.ui.bridge import RunEventBridge
    from app.ui.components.controllers import Controllers


class Page(QWidget):
    """A page. The window shows first; ``attach`` comes when the database is open.

    ``in_navigation`` False keeps a page out of the navigation list (onboarding).
    """

    title = "Page"
    in_navigation = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime: Runtime | None = None
        self.bridge: RunEventBridge | None = None
        self.controllers: Controllers | None = None
        self.layout_ = QVBoxLayout(self)
        self.heading = QLabel(self.title)
        self.heading.setObjectName("pageTitle")
        self.heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.layout_.addWidget(self.heading)

    def attach(
        self, runtime: Runtime, bridge: RunEventBridge, controllers: Controllers | None = None
    ) -> None:
        """Called once, on the GUI thread, when the Runtime is ready."""
        self.runtime = runtime
        self.bridge = bridge
        self.controllers = controllers
        self.on_attached()

    def on_attached(self) -> None:
        """Override to load data and connect to the bridge."""

    def on_shown(self) -> None:
        """Called each time the page becomes the current one."""

    async def save_draft(self) -> None:
        """Called before the app closes: keep anything half-typed (the database is open)."""
