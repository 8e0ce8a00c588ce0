"""The menu bar and the application-wide shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app import APP_NAME, __version__


def build_menus(window: QMainWindow) -> None:
    file_menu = window.menuBar().addMenu("&File")
    quit_action = QAction("&Quit", window)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)
    help_menu = window.menuBar().addMenu("&Help")
    about = QAction("&About", window)
    about.triggered.connect(lambda: show_about(window))
    help_menu.addAction(about)


def show_about(window: QMainWindow) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, f"About {APP_NAME}",
                      f"{APP_NAME} {__version__}\nA local-first job-search assistant.",
                      parent=window)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
