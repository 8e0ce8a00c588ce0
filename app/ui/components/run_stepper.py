"""A progress stepper that shows Run rows: live updates, and how the last run ended."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.events import RunProgress, RunUpdate
from app.ui.components.launcher import step_labels
from app.ui.widgets.progress_stepper import ProgressStepper

if TYPE_CHECKING:
    from app.storage.database import Database


class RunStepper(ProgressStepper):
    """``ProgressStepper`` fed with ``RunUpdate``s, with the workflow's own step labels.

    Attributes:
        run_id: the run it follows (its progress lines are shown), or None.
    """

    run_id: int | None = None

    def follow(self, update: RunUpdate, kind: str) -> bool:
        """Show ``update`` if it is the followed run of ``kind``; True when shown.

        A running run of that kind becomes the followed one; a finished run is
        shown only when it was being followed.
        """
        if update.kind != kind:
            return False
        if not update.finished:
            self.run_id = update.run_id
        elif update.run_id != self.run_id:
            return False
        self.show_update(update)
        return True

    def show_progress(self, progress: RunProgress) -> None:
        """Connected to the bridge's ``run_progress``: the followed run's detail line."""
        if progress.run_id == self.run_id:
            self.set_detail(progress.detail)

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
        """Until a run is followed, show how the last run of ``kind`` ended."""
        from app.storage.runs import list_runs, to_update

        if self.run_id is not None:
            return False
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
