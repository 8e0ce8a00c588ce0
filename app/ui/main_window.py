"""The main window: navigation on the left, one page at a time on the right.

The window is built in two stages so it appears fast: the shell (this
class's constructor: navigation, an empty page stack, remembered geometry)
is shown before the event loop and the heavier modules are even imported;
``install_pages`` and ``install_menus`` complete it a moment later. Keep
this module's imports light (no ``Qt`` namespace, no asyncio): the start-up
benchmark measures them.

CV files dropped anywhere on the window are imported (or, during onboarding,
added to the onboarding's list).
"""

from __future__ import annotations

from pathlib import Path
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
from app.ui.cv_files import CV_SUFFIXES
from app.ui.window_state import WindowState

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from app.runtime import Runtime
    from app.ui.bridge import RunEventBridge
    from app.ui.components.controllers import Controllers
    from app.ui.pages.base import Page


def dropped_cv_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in CV_SUFFIXES]


class MainWindow(QMainWindow):
    """Signals:
    closing(): the user closed the window; the app then shuts down.
    """

    closing = Signal()

    def __init__(self, state: WindowState) -> None:
        super().__init__()
        self.state = state
        self.runtime: Runtime | None = None
        self.controllers: Controllers | None = None
        self.pages: dict[str, Page] = {}
        self._nav_keys: list[str] = []
        self.close_requested = False
        self.onboarding_active = False
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Pages")
        self.nav.setFixedWidth(160)
        self.nav.setStyleSheet(
            "QListWidget#navigation { font-size: 11pt; }"
            "QListWidget#navigation::item { padding: 8px 10px; }"
        )
        self.stack = QStackedWidget()
        self.nav.currentRowChanged.connect(self._nav_changed)
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

    # ---- pages
    def install_pages(self, pages: dict[str, Page]) -> None:
        for key, page in pages.items():
            self.pages[key] = page
            self.stack.addWidget(page)
            if page.in_navigation:
                self._nav_keys.append(key)
                self.nav.addItem(page.title)
                self.nav.item(self.nav.count() - 1).setToolTip(
                    f"{page.title} (Ctrl+{len(self._nav_keys)})"
                )
        last = self.state.last_page
        self.show_page(last if last in self._nav_keys else self._nav_keys[0])

    def install_menus(self) -> None:
        from app.ui.menus import build_menus

        build_menus(self)

    def show_page(self, key: str) -> None:
        page = self.pages.get(key)
        if page is None or (self.onboarding_active and page.in_navigation):
            return
        if key in self._nav_keys:
            self.nav.setCurrentRow(self._nav_keys.index(key))
        self.stack.setCurrentWidget(page)
        page.on_shown()

    def current_page_key(self) -> str | None:
        current = self.stack.currentWidget()
        return next((key for key, page in self.pages.items() if page is current), None)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self._nav_keys):
            self.show_page(self._nav_keys[row])

    def set_onboarding(self, active: bool) -> None:
        """While onboarding runs it is the only page; the navigation comes back after."""
        self.onboarding_active = active
        self.nav.setVisible(not active)
        if active and "onboarding" in self.pages:
            self.stack.setCurrentWidget(self.pages["onboarding"])
        elif not active:
            self.show_page("profile" if "profile" in self.pages else self._nav_keys[0])

    # ---- the runtime
    def attach(
        self, runtime: Runtime, bridge: RunEventBridge, controllers: Controllers | None = None
    ) -> None:
        """The Runtime is open: give it to every page."""
        self.runtime = runtime
        self.controllers = controllers
        for page in self.pages.values():
            page.attach(runtime, bridge, controllers)
        where = runtime.db.engine.url.database if runtime.db.is_sqlite else runtime.db.display_url
        self.statusBar().showMessage(f"Database: {where}", 8000)

    async def save_drafts(self) -> None:
        """Before quitting, while the database is still open: pages keep what was typed."""
        import logging

        for page in self.pages.values():
            try:
                await page.save_draft()
            except Exception:  # a draft that cannot be saved must not block quitting
                logging.getLogger(__name__).exception("saving %s's draft failed", page.title)

    # ---- drag and drop of CV files
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_cv_files(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if dropped_cv_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_cv_files(event)
        if files:
            event.acceptProposedAction()
            self.import_cv_files(files)

    def import_cv_files(self, files: list[Path]) -> None:
        onboarding = self.pages.get("onboarding")
        if self.onboarding_active and onboarding is not None:
            onboarding.add_files(files)  # type: ignore[attr-defined]
            return
        if self.controllers is None:
            self.show_error("Not ready yet", "The database is not open, so CVs cannot be imported.")
            return
        from app.ui.tasks import spawn

        self.show_page("profile")
        spawn(self.controllers.profiling.import_files(files))

    # ---- messages
    def show_error(self, title: str, message: str, *, banner: bool = False) -> None:
        """Tell the user, without blocking the loop (``open()``, never ``exec()``)."""
        # Imported here: touching the Qt namespace costs ~20 ms, too much before the first paint.
        from PySide6.QtCore import Qt

        if banner:
            from app.ui.theme import colours

            background, foreground = colours("banner", self)
            self.banner.setStyleSheet(
                f"background: {background}; color: {foreground}; padding: 8px;"
            )
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
        if self._nav_keys:
            self.state.last_page = self._nav_keys[max(0, self.nav.currentRow())]
        self.close_requested = True
        self.closing.emit()
        event.accept()

    def _restore_geometry(self) -> None:
        geometry = self.state.geometry
        if geometry and self.restoreGeometry(QByteArray.fromBase64(geometry.encode())):
            return
        self.resize(1280, 800)
