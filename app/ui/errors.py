"""No error is lost: exceptions in slots and tasks are logged and shown in the window."""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from typing import Any

from app.core.errors import UserError

log = logging.getLogger("app.errors")


def install_error_hooks(window) -> None:  # type: ignore[no-untyped-def]
    """``sys.excepthook`` for slots (qasync sends asyncSlot failures there too) and
    the loop's exception handler for tasks nobody awaited."""

    def excepthook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report(window, exc, "".join(traceback.format_exception(exc_type, exc, tb)))

    def loop_handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if exc is None:
            log.error("event loop: %s", context.get("message"))
            return
        if isinstance(exc, asyncio.CancelledError):
            return
        report(window, exc, "".join(traceback.format_exception(exc)))

    sys.excepthook = excepthook
    asyncio.get_running_loop().set_exception_handler(loop_handler)


def report(window, exc: BaseException, details: str) -> None:  # type: ignore[no-untyped-def]
    if isinstance(exc, UserError):
        log.warning("%s", exc)
        window.show_error("Something needs your attention", str(exc))
        return
    log.error("unhandled error:\n%s", details)
    window.show_error(
        "Unexpected error", f"{type(exc).__name__}: {exc}\n\nDetails are in the log file."
    )
