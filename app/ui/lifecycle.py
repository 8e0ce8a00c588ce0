"""The window's life on the loop: complete it, open the Runtime, wait for close, shut down."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging

from PySide6.QtWidgets import QApplication

from app.core.errors import UserError
from app.core.logs import setup_logging
from app.core.paths import AppPaths, app_paths
from app.ui.errors import install_error_hooks
from app.ui.main_window import MainWindow
from app.ui.pages import build_pages
from app.ui.tasks import cancel_all
from app.ui.theme import apply_theme

log = logging.getLogger(__name__)

#: Imported on a worker thread after the window is up, so the GUI thread stays free.
_HEAVY_MODULES = ("app.core.settings", "app.runtime", "app.ui.bridge")


def closed_future(window: MainWindow) -> asyncio.Future[None]:
    """A future the window's closing resolves: ``run_window`` awaits it."""
    closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    if window.close_requested:
        closed.set_result(None)
    else:
        window.closing.connect(lambda: closed.done() or closed.set_result(None))
    return closed


async def run_window(window: MainWindow, args: argparse.Namespace) -> int:
    closed = closed_future(window)
    paths = app_paths(args.home).ensure()
    setup_logging(paths.log_file, console=getattr(args, "verbose", False))
    install_error_hooks(window)
    # After the first paint: asking for the style before it costs ~5 ms of start-up.
    apply_theme(QApplication.instance())  # type: ignore[arg-type]
    window.install_pages(build_pages())
    window.install_menus()
    await asyncio.to_thread(lambda: [importlib.import_module(m) for m in _HEAVY_MODULES])
    settings = _load_settings(window, paths)
    runtime = await _open_runtime(window, paths, settings, args.db)
    if runtime is None and settings is not None and "settings" in window.pages:
        window.pages["settings"].open_without_database(settings, paths)  # type: ignore[attr-defined]
        window.show_page("settings")
    _start_screenshots(window, runtime)
    try:
        await closed
    finally:
        if runtime is not None:
            await window.save_drafts()  # half-typed answers reach the database before it closes
        await cancel_all()
        if runtime is not None:
            await runtime.close()
        _save_window_state(window, paths, settings)
    return 0


def _start_screenshots(window: MainWindow, runtime) -> None:  # type: ignore[no-untyped-def]
    """``python -m app.ui.screenshots`` runs the app with this set: grab the pages, then quit."""
    import os

    from app.ui.screenshots import SCREENSHOTS_ENV

    out = os.environ.get(SCREENSHOTS_ENV)
    if out and runtime is not None:
        from pathlib import Path

        from app.ui.screenshots import take_screenshots
        from app.ui.tasks import spawn

        spawn(take_screenshots(window, Path(out)))


def _load_settings(window: MainWindow, paths: AppPaths):  # type: ignore[no-untyped-def]
    """The settings, or None (with a banner) when the file cannot be read."""
    from app.core.settings import load_settings

    try:
        return load_settings(paths.settings_file)
    except UserError as exc:
        window.show_error("Settings", str(exc), banner=True)
        return None


async def _open_runtime(window, paths, settings, db_url):  # type: ignore[no-untyped-def]
    """Open the database and clients; a failure is shown in the window, which stays usable."""
    from app.runtime import Runtime
    from app.ui.bridge import RunEventBridge

    if settings is None:
        return None
    window.statusBar().showMessage("Opening the database…")
    try:
        runtime = await Runtime.open(paths, settings, database_url=db_url)
    except UserError as exc:
        window.show_error("The database cannot be used", str(exc), banner=True)
        window.statusBar().showMessage("No database")
        return None
    except Exception as exc:
        log.exception("start-up failed")
        window.show_error("Start-up failed", f"{type(exc).__name__}: {exc}", banner=True)
        return None
    from app.ui.components.controllers import Controllers

    bridge = RunEventBridge(runtime.events, parent=window)
    controllers = Controllers(window)
    controllers.attach(runtime)
    window.attach(runtime, bridge, controllers)
    from app.ui.tasks import spawn

    spawn(controllers.warm_up(), name="warm-up")
    if runtime.secrets.warning:
        window.statusBar().showMessage(runtime.secrets.warning, 15000)
    return runtime


def _save_window_state(window: MainWindow, paths: AppPaths, settings) -> None:  # type: ignore[no-untyped-def]
    """Keep geometry and page; never overwrite a settings file that could not be read."""
    if settings is None:
        return
    from app.core.settings import save_settings

    settings.ui.window_geometry = window.state.geometry
    settings.ui.last_page = window.state.last_page
    save_settings(settings, paths.settings_file)
