"""The GUI's composition root: one QApplication, one qasync loop, one Runtime.

Start-up shows the window first and opens the database after, so the user
sees the app at once; quitting cancels runs (they write ``cancelled``),
closes the clients and the database, then lets the loop end.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__
from app.core.errors import UserError
from app.core.logs import setup_logging
from app.core.paths import app_paths
from app.core.settings import Settings, load_settings, save_settings

log = logging.getLogger(__name__)

#: When set to a file path, the app writes the time the window was first shown
#: there and quits: the start-up benchmark and the self-test use it.
EXIT_AFTER_SHOW_ENV = "JOBAGENT_EXIT_AFTER_SHOW"


def create_qapp() -> QApplication:
    qapp = QApplication.instance() or QApplication(sys.argv)
    qapp.setApplicationName(APP_ID)
    qapp.setApplicationDisplayName(APP_NAME)
    qapp.setOrganizationName(ORG_NAME)
    qapp.setOrganizationDomain(ORG_DOMAIN)
    qapp.setApplicationVersion(__version__)
    qapp.setQuitOnLastWindowClosed(False)  # quitting is the main coroutine's job
    return qapp  # type: ignore[return-value]


async def gui_main(qapp: QApplication, args: argparse.Namespace) -> int:
    from app.ui.errors import install_error_hooks
    from app.ui.main_window import MainWindow, closed_future

    paths = app_paths(args.home).ensure()
    setup_logging(paths.log_file, console=getattr(args, "verbose", False))
    try:
        settings = load_settings(paths.settings_file)
        settings_error = None
    except UserError as exc:
        settings, settings_error = Settings(), str(exc)
    window = MainWindow(settings)
    closed = closed_future(window)
    install_error_hooks(window)
    window.show()
    probe = os.environ.get(EXIT_AFTER_SHOW_ENV)
    if probe:
        QTimer.singleShot(0, lambda: _probe_and_close(window, probe))
    if settings_error:
        window.show_error("Settings", settings_error, banner=True)
    runtime = await _open_runtime(window, paths, settings, args.db)
    try:
        await closed
    finally:
        if runtime is not None:
            await runtime.close()
        if settings_error is None:
            save_settings(window.settings, paths.settings_file)
    return 0


async def _open_runtime(window, paths, settings, db_url):  # type: ignore[no-untyped-def]
    """Open the database and clients after the window is up; show failures in the window."""
    from app.runtime import Runtime
    from app.ui.bridge import RunEventBridge

    try:
        runtime = await Runtime.open(paths, settings, database_url=db_url)
    except UserError as exc:
        window.show_error("The database cannot be used", str(exc), banner=True)
        window.statusBar().showMessage("No database")
        return None
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        log.exception("start-up failed")
        window.show_error("Start-up failed", f"{type(exc).__name__}: {exc}", banner=True)
        return None
    bridge = RunEventBridge(runtime.events, parent=window)
    window.attach(runtime, bridge)
    return runtime


def _probe_and_close(window, probe_file: str) -> None:  # type: ignore[no-untyped-def]
    with open(probe_file, "w", encoding="utf-8") as handle:
        handle.write(repr(time.time()))
    QTimer.singleShot(0, window.close)
