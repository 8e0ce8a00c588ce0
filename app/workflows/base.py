"""The base of every workflow: a kind, an ordered list of named steps, one method per step.

A workflow never touches the Run row itself: the runner (``runner.py``)
writes status, current step, warnings, usage and error after each step, and
publishes each write as a ``RunUpdate`` for the window and the CLI.

    class ProfilingWorkflow(Workflow):
        kind = "profiling"
        steps = ("extract", "parse", "save")

        async def step_extract(self, ctx: StepContext) -> None: ...
"""

from __future__ import annotations

from abc import ABC
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from app.runtime import Runtime


@dataclass
class StepContext:
    """What a step may use: the runtime, the run's id, and a way to report."""

    runtime: Runtime
    run_id: int
    user_id: int | None
    warnings: list[str] = field(default_factory=list)
    usage: dict[str, Any] = field(default_factory=dict)
    _reporter: Any = None

    def warn(self, message: str) -> None:
        """Record a warning: the run still succeeds, and the user is told."""
        if message not in self.warnings:
            self.warnings.append(message)

    def progress(self, detail: str, fraction: float | None = None) -> None:
        """Publish a transient progress line (not stored: the Run row holds the state)."""
        if self._reporter is not None:
            self._reporter(detail, fraction)


class Workflow(ABC):
    """Subclasses set ``kind`` and ``steps`` and define ``async def step_<name>(ctx)``."""

    kind: ClassVar[str]
    steps: ClassVar[tuple[str, ...]]
    #: Labels for the stepper, by step name; the name, capitalised, otherwise.
    step_labels: ClassVar[dict[str, str]] = {}

    #: Whatever the workflow produced, for the caller (the CLI prints it).
    result: Any = None

    async def run_step(self, name: str, ctx: StepContext) -> None:
        method = getattr(self, f"step_{name}", None)
        if method is None:
            raise NotImplementedError(f"{type(self).__name__} has no step_{name}")
        await method(ctx)

    @classmethod
    def label(cls, step: str) -> str:
        return cls.step_labels.get(step, step.replace("_", " ").capitalize())
