"""The stepper shows what the Run row says, and changes only through the bridge's signals."""

from __future__ import annotations

from app.core.events import EventBus, RunUpdate
from app.ui.bridge import RunEventBridge
from app.ui.widgets.progress_stepper import ProgressStepper, StepState, step_states

STEPS = ("extract", "parse", "save")


def update(status: str, current: str | None, error: str | None = None) -> RunUpdate:
    return RunUpdate(
        run_id=1,
        kind="profiling",
        status=status,
        step_names=STEPS,
        current_step=current,
        error_message=error,
    )


def test_states_are_derived_from_the_run_row():
    assert step_states(STEPS, None, "queued") == [StepState.PENDING] * 3
    assert step_states(STEPS, "parse", "running") == [
        StepState.DONE,
        StepState.ACTIVE,
        StepState.PENDING,
    ]
    assert step_states(STEPS, "parse", "failed") == [
        StepState.DONE,
        StepState.FAILED,
        StepState.SKIPPED,
    ]
    assert step_states(STEPS, None, "succeeded") == [StepState.DONE] * 3


def test_stepper_follows_bridge_signals(qtbot):
    events = EventBus()
    bridge = RunEventBridge(events)
    stepper = ProgressStepper()
    qtbot.addWidget(stepper)
    bridge.run_updated.connect(
        lambda u: stepper.show_run(u.step_names, u.current_step, u.status, error=u.error_message)
    )

    with qtbot.waitSignal(bridge.run_updated):
        events.publish(update("running", "extract"))
    assert stepper.states() == [StepState.ACTIVE, StepState.PENDING, StepState.PENDING]

    with qtbot.waitSignal(bridge.run_updated):
        events.publish(update("failed", "parse", "the file is corrupt"))
    assert stepper.states() == [StepState.DONE, StepState.FAILED, StepState.SKIPPED]
    assert "the file is corrupt" in stepper._detail.text()
    bridge.detach()


def test_a_finished_run_with_warnings_says_so(qtbot):
    from app.ui.components.run_stepper import RunStepper

    stepper = RunStepper()
    qtbot.addWidget(stepper)
    stepper.show_update(RunUpdate(
        run_id=2, kind="search", status="succeeded", step_names=STEPS, current_step=None,
        warnings=("Source greenhouse:acme failed: board 'acme' not found", "second"),
    ))  # fmt: skip
    assert stepper.states() == [StepState.DONE] * 3
    text = stepper._detail.text()
    assert "greenhouse:acme failed" in text and "1 more on the Runs page" in text
