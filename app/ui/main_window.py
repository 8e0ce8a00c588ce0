"""The main window: navigation on the left, one page at a time on the right."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.core.settings import Settings
from app.ui.pages.base import Page
from app.ui.pages.placeholder import JobsPage, ProfilePage, SettingsPage
from app.ui.pages.runs import RunsPage

if TYPE_CHECKING:
    from app.runtime import Runtime
    from app.ui.bridge import RunEventBridge


class MainWindow(QMainWindow):
    """Signals:
    closing(): the user closed the window; the app then shuts down.
    """

    closing = Signal()

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.runtime: Runtime | None = None
        self.setWindowTitle(APP_NAME)
        self.pages: dict[str, Page] = {
            "profile": ProfilePage(), "jobs": JobsPage(), "runs": RunsPage(),
            "settings": SettingsPage(),
        }
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(160)
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.nav.addItem(page.title)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.banner = QLabel()
        self.banner.setObjectName("errorBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        self._build_menus()
        self.statusBar().showMessage("Opening the database…")
        self._restore_window_state()
        self.show_page(settings.ui.last_page or "profile")

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
        """Tell the user, without blocking the loop (no exec())."""
        if banner:
            self.banner.setText(f"<b>{title}</b><br>{message}")
            self.banner.show()
            return
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_window_state()
        self.closing.emit()
        event.accept()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, f"About {APP_NAME}",
                          f"{APP_NAME} {__version__}\nA local-first job-search assistant.",
                          parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _restore_window_state(self) -> None:
        geometry = self.settings.ui.window_geometry
        if geometry and self.restoreGeometry(QByteArray.fromBase64(geometry.encode())):
            return
        self.resize(1280, 800)

    def _save_window_state(self) -> None:
        self.settings.ui.window_geometry = bytes(
            self.saveGeometry().toBase64().data()).decode()
        keys = list(self.pages)
        self.settings.ui.last_page = keys[max(0, self.nav.currentRow())]


def closed_future(window: MainWindow) -> asyncio.Future[None]:
    """A future the window's closing resolves: the GUI's main coroutine awaits it.

    Make it before the first ``await``, or a close that comes early is missed.
    """
    closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    window.closing.connect(lambda: closed.done() or closed.set_result(None))
    return closed
