"""Run the real window (``gui_main``: one qasync loop, a real Runtime) and drive it like a person.

    async with running_app(qapp, home) as app:
        app.window.show_page("jobs")
        await app.until(lambda: app.page("jobs").model.rowCount() > 0)

Errors the window would show (``window.show_error``) are collected in
``app.errors`` instead of opening message boxes; ``running_app`` fails the
test if any are left unexpected.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from app.ui.application import gui_main, show_window
from app.ui.main_window import MainWindow


class AppDriver:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.errors: list[tuple[str, str]] = []
        original = window.show_error

        def record(title: str, message: str, *, banner: bool = False) -> None:
            self.errors.append((title, message))
            if banner:
                original(title, message, banner=True)

        window.show_error = record  # type: ignore[method-assign]

    @property
    def runtime(self) -> Any:
        return self.window.runtime

    def page(self, key: str) -> Any:
        return self.window.pages[key]

    async def skip_onboarding(self) -> None:
        """Leave onboarding once it has decided: a first start opens it when its saved
        state is read, which would otherwise cover whatever page a test shows first."""
        onboarding = self.page("onboarding")
        await self.until(lambda: onboarding.loaded, what="onboarding's saved state")
        self.window.set_onboarding(False)

    async def until(
        self, condition: Callable[[], Any], timeout: float = 20.0, what: str = ""
    ) -> Any:
        """Wait (the loop keeps running) until ``condition()`` is truthy; return it."""
        deadline = time.monotonic() + timeout
        while True:
            value = condition()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"timed out waiting for {what or condition}; errors shown: {self.errors}"
                )
            await asyncio.sleep(0.02)

    async def settle(self, seconds: float = 0.1) -> None:
        """Let the loop (Qt's own) run pending tasks and paint; never processEvents() here."""
        await asyncio.sleep(seconds)

    def drop_files(self, files: list[Path], target: Any = None) -> None:
        """Drop files on ``target`` (the window by default) as a file manager would."""
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
        widget = target or self.window
        point = QPointF(widget.rect().center())
        for event_type in (QDropEvent.Type.DragEnter, QDropEvent.Type.Drop):
            if event_type == QDropEvent.Type.DragEnter:
                from PySide6.QtGui import QDragEnterEvent

                event: QDropEvent = QDragEnterEvent(
                    QPoint(int(point.x()), int(point.y())),
                    Qt.DropAction.CopyAction,
                    mime,
                    Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier,
                )
            else:
                event = QDropEvent(
                    point,
                    Qt.DropAction.CopyAction,
                    mime,
                    Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier,
                )
            QApplication.sendEvent(widget, event)
            assert event.isAccepted(), f"{widget} refused the drop"


@asynccontextmanager
async def running_app(
    qapp: Any, home: Path, *, allow_errors: bool = False, expect_runtime: bool = True
) -> AsyncIterator[AppDriver]:
    """Start the app on ``home`` as ``jobagent --home HOME`` would; close it at the end."""
    hook = sys.excepthook
    args = argparse.Namespace(home=str(home), db=None, verbose=False)
    window = show_window(qapp, args)
    task = asyncio.ensure_future(gui_main(qapp, window, args))
    driver = AppDriver(window)
    try:
        await driver.until(
            lambda: (
                window.runtime is not None
                or task.done()
                or (not expect_runtime and window.banner.isVisible())
            ),
            what="the runtime",
        )
        if task.done():
            task.result()
        await driver.settle(0.2)
        yield driver
    finally:
        if not window.close_requested:
            window.close()
        try:
            assert await asyncio.wait_for(task, 30) == 0
        finally:
            sys.excepthook = hook
            window.deleteLater()
    if not allow_errors:
        assert driver.errors == [], driver.errors
