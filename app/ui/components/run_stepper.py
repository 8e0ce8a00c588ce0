"""A progress stepper that shows Run rows: live updates, and how the last run ended."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.events import RunUpdate
from app.ui.components.launcher import step_labels
from app.ui.widgets.progress_stepper import ProgressStepper

if TYPE_CHECKING:
    from app.storage.database import Database


class RunStepper(ProgressStepper):
    """``ProgressStepper`` fed with ``RunUpdate``s, with the workflow's own step labels."""

    def show_update(self, update: RunUpdate) -> None:
        self.show_run(
            update.step_names,
            update.current_step,
            update.status,
            labels=step_labels(update.kind),
            error=update.error_message,
        )
        if update.status == "succeeded" and update.warnings:
            self.set_detail(warnings_line(update.warnings))

    async def show_last_run(self, db: Database, kind: str, noun: str) -> bool:
        """Show how the last run of ``kind`` ended; False when there was none."""
        from app.storage.runs import list_runs, to_update

        last = await list_runs(db, limit=1, kind=kind)
        if not last:
            return False
        self.show_update(to_update(last[0]))
        run = last[0]
        if run.finished_at is not None and run.status == "succeeded" and not run.warnings:
            when = run.finished_at.astimezone().strftime("%d %b %H:%M")
            self.set_detail(f"Last {noun} finished {when}.")
        return True


def warnings_line(warnings: tuple[str, ...]) -> str:
    """A finished run's warnings in one line: never silent about a failed source."""
    more = f" (and {len(warnings) - 1} more on the Runs page)" if len(warnings) > 1 else ""
    return f"Done, with a warning: {warnings[0]}{more}"
