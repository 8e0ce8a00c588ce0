"""The menu bar and the application-wide shortcuts.

Every page and every long action is reachable from the keyboard:
Ctrl+1…4 (and Ctrl+, for Settings) switch pages, Ctrl+F searches the jobs,
Ctrl+O imports a CV, F5 searches for jobs, Ctrl+Q quits.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app import APP_NAME, __version__
from app.ui.tasks import spawn

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def _action(window: QMainWindow, text: str, slot, shortcut: str | None = None) -> QAction:  # type: ignore[no-untyped-def]
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    action.triggered.connect(slot)
    return action


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(
        _action(window, "&Import CV…", lambda: _on_page(window, "profile", "choose_cvs"), "Ctrl+O")
    )
    file_menu.addAction(
        _action(window, "&Export jobs…", lambda: _on_page(window, "jobs", "choose_export"))
    )
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "&Quit", window.close, "Ctrl+Q"))

    go = bar.addMenu("&Go")
    for number, key in enumerate(k for k, p in window.pages.items() if p.in_navigation):
        page = window.pages[key]
        go.addAction(
            _action(
                window,
                f"&{number + 1} {page.title}",
                lambda _=False, k=key: window.show_page(k),
                f"Ctrl+{number + 1}",
            )
        )
    go.addSeparator()
    go.addAction(_action(window, "&Find jobs", lambda: _find(window), "Ctrl+F"))
    go.addAction(_action(window, "&Settings", lambda: window.show_page("settings"), "Ctrl+,"))

    run = bar.addMenu("&Run")
    run.addAction(
        _action(
            window, "&Search for jobs now", lambda: _on_page(window, "jobs", "start_search"), "F5"
        )
    )
    run.addAction(_action(window, "&Rerun profiling", lambda: _on_page(window, "profile", "rerun")))

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(_action(window, "&About", lambda: show_about(window)))


def _on_page(window: MainWindow, key: str, method: str) -> None:
    """Show page ``key`` and start its coroutine ``method`` as a window task."""
    page = window.pages.get(key)
    if page is None or window.onboarding_active:
        return
    window.show_page(key)
    spawn(getattr(page, method)())


def _find(window: MainWindow) -> None:
    page = window.pages.get("jobs")
    if page is not None and not window.onboarding_active:
        window.show_page("jobs")
        page.focus_search()  # type: ignore[attr-defined]


def show_about(window: QMainWindow) -> QMessageBox:
    from app.profiling.taxonomy import ATTRIBUTION

    text = (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>A local-first job-search assistant: your CVs, profile and tracker stay on this "
        "computer.</p>"
        f"<p><small>{html.escape(ATTRIBUTION)}</small></p>"
    )
    box = QMessageBox(QMessageBox.Icon.Information, f"About {APP_NAME}", text, parent=window)
    box.setObjectName("aboutBox")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
