"""No error is lost: a failing task or slot is logged and shown in the window."""

from __future__ import annotations

import asyncio
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.errors import UserError
from app.core.logs import setup_logging
from app.ui.errors import install_error_hooks
from app.ui.main_window import MainWindow
from app.ui.tasks import spawn
from app.ui.window_state import WindowState


@pytest.fixture
def window(qtbot, qloop, paths):
    setup_logging(paths.log_file)
    hook = sys.excepthook
    window = MainWindow(WindowState())
    qtbot.addWidget(window)

    async def install() -> None:
        install_error_hooks(window)

    qloop.run_until_complete(install())
    yield window
    sys.excepthook = hook


def visible_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
            and w.isVisible()]


def test_a_failing_task_is_logged_and_shown(window, qloop, paths, qtbot):
    async def broken() -> None:
        raise ValueError("the thing broke")

    async def scenario() -> None:
        spawn(broken())
        await asyncio.sleep(0.05)

    qloop.run_until_complete(scenario())
    qtbot.waitUntil(lambda: bool(visible_boxes()))
    box = visible_boxes()[0]
    assert box.windowTitle() == "Unexpected error"
    assert "ValueError: the thing broke" in box.text()
    assert "the thing broke" in paths.log_file.read_text()
    box.close()


def test_a_user_error_is_shown_as_its_message(window, qloop, qtbot):
    async def mistaken() -> None:
        raise UserError("That file is not a CV.")

    async def scenario() -> None:
        spawn(mistaken())
        await asyncio.sleep(0.05)

    qloop.run_until_complete(scenario())
    qtbot.waitUntil(lambda: bool(visible_boxes()))
    box = visible_boxes()[0]
    assert box.text() == "That file is not a CV."
    box.close()


def test_an_unawaited_task_failure_reaches_the_loop_handler(window, qloop, qtbot, paths):
    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        loop.call_exception_handler({"message": "boom", "exception": RuntimeError("orphan")})

    qloop.run_until_complete(scenario())
    qtbot.waitUntil(lambda: bool(visible_boxes()))
    assert "RuntimeError: orphan" in visible_boxes()[0].text()
    visible_boxes()[0].close()
