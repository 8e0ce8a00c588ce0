"""The GUI's composition root: one QApplication, one qasync loop, one Runtime.

Start-up shows the window's shell before the event loop and the heavier
modules are imported, then builds the pages, loads the settings and opens
the database (importing SQLAlchemy and friends off the GUI thread). Quitting
cancels the window's tasks and the runs (they write ``cancelled``), closes
the clients and the database, saves the window state, and lets the loop end.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__
from app.core.paths import app_paths, resource_path
from app.ui.main_window import MainWindow
from app.ui.window_state import read_window_state

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
    qapp.setDesktopFileName(APP_ID)  # Wayland matches the window to jobagent.desktop by this
    qapp.setWindowIcon(QIcon(str(resource_path("icons", "jobagent-256.png"))))
    qapp.setQuitOnLastWindowClosed(False)  # quitting is gui_main's job, not Qt's
    return qapp  # type: ignore[return-value]


def show_window(qapp: QApplication, args: argparse.Namespace) -> MainWindow:
    """The window's shell, on screen and painted; nothing async exists yet."""
    window = MainWindow(read_window_state(app_paths(args.home).settings_file))
    window.show()
    qapp.processEvents()
    probe = os.environ.get(EXIT_AFTER_SHOW_ENV)
    if probe:
        with open(probe, "w", encoding="utf-8") as handle:
            handle.write(repr(time.time()))
        QTimer.singleShot(0, window.close)
    return window


async def gui_main(qapp: QApplication, window: MainWindow, args: argparse.Namespace) -> int:
    from app.ui.lifecycle import run_window

    qapp.setQuitOnLastWindowClosed(False)
    return await run_window(window, args)
