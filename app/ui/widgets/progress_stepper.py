"""ProgressStepper: a run's steps in a row, each pending, active, done or failed."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


class StepState(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"


_MARKS = {
    StepState.PENDING: "○",
    StepState.ACTIVE: "◉",
    StepState.DONE: "✔",
    StepState.FAILED: "✖",
    StepState.SKIPPED: "–",
}

_STYLES = {
    StepState.PENDING: "color: palette(mid);",
    StepState.ACTIVE: "color: palette(highlight); font-weight: bold;",
    StepState.DONE: "color: #2e7d32;",
    StepState.FAILED: "color: #c62828; font-weight: bold;",
    StepState.SKIPPED: "color: palette(mid);",
}


def step_states(
    step_names: tuple[str, ...], current_step: str | None, status: str
) -> list[StepState]:
    """Derive every step's state from what the Run row says (status and current step)."""
    if status == "succeeded":
        return [StepState.DONE] * len(step_names)
    if current_step not in step_names:
        return [StepState.PENDING] * len(step_names)
    index = step_names.index(current_step)
    now = {"running": StepState.ACTIVE, "queued": StepState.PENDING}.get(status, StepState.FAILED)
    tail = StepState.PENDING if status in ("running", "queued") else StepState.SKIPPED
    return [StepState.DONE] * index + [now] + [tail] * (len(step_names) - index - 1)


class ProgressStepper(QWidget):
    """Shows steps; changes only through ``show_run`` (connected to the bridge's signal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._step_names: tuple[str, ...] = ()
        self._labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._row = QHBoxLayout()
        self._row.setSpacing(16)
        layout.addLayout(self._row)
        self._detail = QLabel()
        self._detail.setObjectName("stepperDetail")
        self._detail.setWordWrap(True)
        self._detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self._detail)
        # Always as tall as a run needs (a row of steps and one line of detail), even when
        # empty: a run starting then repaints the stepper alone instead of re-laying out
        # the page around it (which cost ~30-60 ms on the jobs page).
        line = self.fontMetrics().height()
        self.setMinimumHeight(2 * line + layout.spacing() + 4)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_steps(self, step_names: tuple[str, ...], labels: dict[str, str] | None = None) -> None:
        labels = labels or {}
        if step_names == self._step_names and self._labels:
            return
        while self._row.count():  # the labels and the trailing stretch
            item = self._row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._step_names = tuple(step_names)
        self._labels = []
        for name in self._step_names:
            label = QLabel()
            label.setProperty("step", name)
            label.setAccessibleName(labels.get(name, name))
            self._labels.append(label)
            self._row.addWidget(label)
        self._row.addStretch(1)
        self._texts = [labels.get(n, n.replace("_", " ").capitalize()) for n in self._step_names]
        self._paint([StepState.PENDING] * len(self._step_names))

    def show_run(
        self,
        step_names: tuple[str, ...],
        current_step: str | None,
        status: str,
        labels: dict[str, str] | None = None,
        error: str | None = None,
    ) -> None:
        self.set_steps(step_names, labels)
        self._paint(step_states(self._step_names, current_step, status))
        if status in ("failed", "interrupted") and error:
            self.set_detail(error)
        elif status == "cancelled":
            self.set_detail("Cancelled.")
        elif status == "succeeded":
            self.set_detail("Done.")
        elif status == "queued":
            self.set_detail("Waiting to start…")

    def clear(self) -> None:
        """Show no run."""
        self.set_steps(())
        self.set_detail("")

    def set_detail(self, text: str) -> None:
        self._detail.setText(text)

    def detail(self) -> str:
        return self._detail.text()

    def states(self) -> list[StepState]:
        return [StepState(label.property("state")) for label in self._labels]

    def _paint(self, states: list[StepState]) -> None:
        for label, text, state in zip(self._labels, self._texts, states, strict=True):
            label.setText(f"{_MARKS[state]} {text}")
            label.setStyleSheet(_STYLES[state])
            label.setProperty("state", state.value)
            label.setToolTip(f"{text}: {state.value}")
