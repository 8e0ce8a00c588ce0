"""The main window: navigation on the left, one page at a time on the right.

The window is built in two stages so it appears fast: the shell (this
class's constructor: navigation, an empty page stack, remembered geometry)
is shown before the event loop and the heavier modules are even imported;
``install_pages`` and ``install_menus`` complete it a moment later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.ui.window_state import WindowState

if TYPE_CHECKING:
    from app.runtime import Runtime
    from app.ui.bridge import RunEventBridge
    from app.ui.pages.base import Page


class MainWindow(QMainWindow):
    """Signals:
    closing(): the user closed the window; the app then shuts down.
    """

    closing = Signal()

    def __init__(self, state: WindowState) -> None:
        super().__init__()
        self.state = state
        self.runtime: Runtime | None = None
        self.pages: dict[str, Page] = {}
        self.close_requested = False
        self.setWindowTitle(APP_NAME)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(160)
        self.stack = QStackedWidget()
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.banner = QLabel()
        self.banner.setObjectName("errorBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fdecea; color: #611a15; padding: 8px;")
        self.banner.hide()
        right = QVBoxLayout()
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addLayout(right, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)
        self.statusBar().showMessage("Starting…")
        self._restore_geometry()

    def install_pages(self, pages: dict[str, Page]) -> None:
        for key, page in pages.items():
            self.pages[key] = page
            self.nav.addItem(page.title)
            self.stack.addWidget(page)
        self.show_page(self.state.last_page or next(iter(pages)))

    def install_menus(self) -> None:
        from app.ui.menus import build_menus

        build_menus(self)

    def show_page(self, key: str) -> None:
        keys = list(self.pages)
        self.nav.setCurrentRow(keys.index(key) if key in keys else 0)

    def attach(self, runtime: Runtime, bridge: RunEventBridge) -> None:
        """The Runtime is open: give it to every page."""
        self.runtime = runtime
        for page in self.pages.values():
            page.attach(runtime, bridge)
        self.statusBar().showMessage(f"Database: {runtime.db.display_url}", 8000)

    def show_error(self, title: str, message: str, *, banner: bool = False) -> None:
        """Tell the user, without blocking the loop (``open()``, never ``exec()``)."""
        # Imported here: touching the Qt namespace costs ~20 ms, too much before the first paint.
        from PySide6.QtCore import Qt

        if banner:
            self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.banner.setText(f"<b>{title}</b><br>{message}")
            self.banner.show()
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.state.geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        if self.pages:
            self.state.last_page = list(self.pages)[max(0, self.nav.currentRow())]
        self.close_requested = True
        self.closing.emit()
        event.accept()

    def _restore_geometry(self) -> None:
        geometry = self.state.geometry
        if geometry and self.restoreGeometry(QByteArray.fromBase64(geometry.encode())):
            return
        self.resize(1280, 800)
