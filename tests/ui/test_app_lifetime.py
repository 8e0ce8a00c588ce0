"""One event loop for the app's whole life: many runs, one HTTP client, a clean quit.

The memo's worst bug was a client bound to a loop that had closed ("Event
loop is closed"). Here the real GUI entry point runs on one qasync loop:
25 workflow runs share the one httpx client (so the loopback server sees
fewer connections than requests), then the window closes with a run in
flight, which must end up ``cancelled``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

import pytest

from app.runtime import Runtime
from app.storage import runs as run_store
from app.ui.application import gui_main, show_window
from app.ui.main_window import MainWindow
from app.workflows.base import StepContext, Workflow
from tests.support.loopback import json_route, running_server


class PingWorkflow(Workflow):
    kind = "ping"
    steps = ("fetch", "check")

    def __init__(self, base_url: str, block: bool = False) -> None:
        self.base_url, self.block = base_url, block
        self.started = asyncio.Event()
        self.answers: list[dict] = []

    async def step_fetch(self, ctx: StepContext) -> None:
        self.started.set()
        for _ in range(3):
            response = await ctx.runtime.http.get(f"{self.base_url}/ping")
            response.raise_for_status()
            self.answers.append(response.json())
        if self.block:
            await asyncio.sleep(3600)

    async def step_check(self, ctx: StepContext) -> None:
        assert all(answer == {"ok": True} for answer in self.answers)


async def wait_for_window(timeout: float = 20.0) -> MainWindow:
    from PySide6.QtWidgets import QApplication

    for _ in range(int(timeout / 0.05)):
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.runtime is not None:
                return widget
        await asyncio.sleep(0.05)
    raise AssertionError("the window never attached its runtime")


@pytest.fixture
def restore_hooks():
    hook = sys.excepthook
    yield
    sys.excepthook = hook


def test_many_runs_one_client_and_quit_cancels(qapp, qloop, app_home, paths, restore_hooks):
    args = argparse.Namespace(home=str(app_home), db=None, verbose=False)
    with running_server({"/ping": json_route()}) as server:

        async def scenario() -> tuple[int, list[str]]:
            app_task = asyncio.ensure_future(gui_main(qapp, show_window(qapp, args), args))
            window = await wait_for_window()
            runner = window.runtime.runner
            statuses = [(await runner.run(PingWorkflow(server.url))).status for _ in range(20)]
            together = await asyncio.gather(
                *(runner.run(PingWorkflow(server.url)) for _ in range(5))
            )
            statuses += [run.status for run in together]
            blocked = PingWorkflow(server.url, block=True)
            in_flight = await runner.start(blocked)
            await asyncio.wait_for(blocked.started.wait(), 10)
            window.close()
            assert await asyncio.wait_for(app_task, 20) == 0
            return in_flight, statuses

        in_flight, statuses = qloop.run_until_complete(scenario())
        requests, connections = server.requests, server.connections

    assert statuses == ["succeeded"] * 25
    assert requests >= 25 * 3
    assert connections < requests, "the shared client should reuse its connections"

    async def final_state():
        runtime = await Runtime.open(paths)
        try:
            return await run_store.get_run(runtime.db, in_flight)
        finally:
            await runtime.close()

    assert qloop.run_until_complete(final_state()).status == "cancelled"
    log_text = paths.log_file.read_text()
    assert "Event loop is closed" not in log_text
    assert "Traceback" not in log_text
