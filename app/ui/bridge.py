"""Domain events in, Qt signals out.

Workflows publish ``RunUpdate``/``RunProgress`` on the event bus; widgets
connect to these signals and never poll or keep a copy of a run's state.
Publishing may happen on a worker thread; the signal is then queued to the
GUI thread by Qt, so widgets are only ever touched there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.core.events import EventBus, RunProgress, RunUpdate


class RunEventBridge(QObject):
    """Signals:
    run_updated(RunUpdate): a Run row was written.
    run_progress(RunProgress): a transient progress line for a running step.
    """

    run_updated = Signal(object)
    run_progress = Signal(object)

    def __init__(self, events: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = events.subscribe(self._on_event)

    def _on_event(self, event: object) -> None:
        if isinstance(event, RunUpdate):
            self.run_updated.emit(event)
        elif isinstance(event, RunProgress):
            self.run_progress.emit(event)

    def detach(self) -> None:
        self._unsubscribe()
