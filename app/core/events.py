"""A small publish/subscribe channel for progress, free of Qt.

Workflows publish; the window's bridge (``app.ui.bridge``) turns what it
receives into Qt signals, and the CLI prints it. Subscribers are called on
the event loop's thread; one that raises is logged and never breaks a run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunUpdate:
    """What a Run row says, right after it was written."""

    run_id: int
    kind: str
    status: str
    step_names: tuple[str, ...]
    current_step: str | None
    error_message: str | None = None
    warnings: tuple[str, ...] = ()
    usage: dict[str, Any] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return self.status not in ("queued", "running")


@dataclass(frozen=True)
class RunProgress:
    """A transient line about a running step ("fetched greenhouse:acme, 3 of 8")."""

    run_id: int
    detail: str
    fraction: float | None = None


Subscriber = Callable[[Any], None]


class EventBus:
    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Add ``callback``; returns a function that removes it again."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, event: Any) -> None:
        for callback in list(self._subscribers):
            try:
                callback(event)
            except Exception:
                log.exception("event subscriber %r failed", callback)
