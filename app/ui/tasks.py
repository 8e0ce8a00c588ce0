"""The window's own background tasks: started with ``spawn``, cancelled together at quit.

A button that starts async work calls ``spawn(self._do_it())``. The task's
failure reaches ``sys.excepthook`` (logged and shown, never lost), and at
quit ``cancel_all`` stops exactly these tasks before the database closes,
instead of cancelling whatever ``asyncio.all_tasks()`` holds.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Coroutine
from typing import Any

_tasks: set[asyncio.Task[Any]] = set()


def spawn(coro: Coroutine[Any, Any, Any], *, name: str | None = None) -> asyncio.Task[Any]:
    task = asyncio.get_event_loop().create_task(coro, name=name)
    _tasks.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _tasks.discard(task)
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        sys.excepthook(type(exc), exc, exc.__traceback__)


async def cancel_all() -> None:
    pending = [task for task in _tasks if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)
