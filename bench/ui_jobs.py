"""Jobs table latency at 20,000 rows, and the longest event-loop stall during a search.

    .venv/bin/python bench/ui_jobs.py [--rows 20000] [--postings 3000] [--repeat 5]

1. Filter and sort latency: the real ``JobsTableModel`` in a shown ``QTableView``
   (offscreen), 20,000 realistic rows; each figure is the time from the filter or
   sort call until the view has repainted (median and max over ``--repeat`` runs of
   each case). Goal (issue 6): filtering at most 100 ms.
2. Event-loop stall: the real window (``gui_main``, one qasync loop) runs a job
   search against the loopback fake job boards (``tests/fakes/job_boards.py``,
   ``--postings`` postings over four boards) while a 10 ms heartbeat ``QTimer``
   records how late it fires; the longest lateness is the longest freeze a person
   would notice. The run includes the jobs table reloading afterwards. When the
   search workflow is not there yet, a synthetic run stands in (and says so).
   Goal: no stall over 50 ms.

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView


def _ms(seconds: list[float]) -> str:
    return f"median {statistics.median(seconds) * 1000:6.1f} ms   max {max(seconds) * 1000:6.1f} ms"


def table_latency(qapp: QApplication, rows: int, repeat: int) -> None:
    from app.ui.components.job_filter import COLUMN_KEYS, JobFilter
    from app.ui.components.jobs_model import JobsTableModel
    from app.ui.demo_data import demo_job_rows

    data = demo_job_rows(rows)
    model = JobsTableModel()
    view = QTableView()
    view.setModel(model)
    view.resize(1000, 700)
    view.show()
    start = time.perf_counter()
    model.set_rows(data)
    qapp.processEvents()
    print(
        f"rows: {rows:,}   load into the model and paint: "
        f"{(time.perf_counter() - start) * 1000:.1f} ms"
    )
    filters = {
        "text 'a' (most rows)": JobFilter(text="a"),
        "text 'senior leeds'": JobFilter(text="senior leeds"),
        "typing 'acco' key by key": None,
        "min score 60": JobFilter(min_score=60),
        "work mode remote": JobFilter(remote="remote"),
        "status applied": JobFilter(statuses=frozenset({"applied"})),
        "posted last 7 days": JobFilter(posted_within_days=7),
        "source + score + text": JobFilter(source="lever:brightwater", min_score=40, text="acc"),
        "clear all": JobFilter(),
    }
    print("\nfilter (call + repaint)")
    worst_filter = 0.0
    for label, spec in filters.items():
        samples = []
        for _ in range(repeat):
            model.set_filter(JobFilter(text="zzz-reset"))
            qapp.processEvents()
            steps = [spec] if spec else [JobFilter(text="acco"[:n]) for n in range(1, 5)]
            for step in steps:
                began = time.perf_counter()
                model.set_filter(step)
                view.viewport().repaint()
                qapp.processEvents()
                samples.append(time.perf_counter() - began)
        worst_filter = max(worst_filter, max(samples))
        print(f"  {label:28s} {_ms(samples)}   ({model.rowCount():,} shown)")
    print("\nsort (call + repaint), all rows shown")
    model.set_filter(JobFilter())
    sort_samples: list[float] = []
    for column, key in enumerate(COLUMN_KEYS):
        samples = []
        for i in range(repeat):
            order = Qt.SortOrder.AscendingOrder if i % 2 else Qt.SortOrder.DescendingOrder
            began = time.perf_counter()
            view.sortByColumn(column, order)
            view.viewport().repaint()
            qapp.processEvents()
            samples.append(time.perf_counter() - began)
        sort_samples += samples
        print(f"  by {key:26s} {_ms(samples)}")
    print(
        f"\nworst filter: {worst_filter * 1000:.1f} ms (goal <= 100 ms); "
        f"worst sort: {max(sort_samples) * 1000:.1f} ms"
    )
    view.close()


class Heartbeat:
    """A 10 ms precise timer; ``worst`` is the most it fired late (an event-loop stall)."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.interval = interval_ms
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)
        self.lateness: list[float] = []
        self.context = "start"
        #: (ms since start, ms late, what was going on) for beats over 30 ms late.
        self.stalls: list[tuple[int, float, str]] = []

        #: (ms since start, generation, ms) of garbage collections over 20 ms.
        self.collections: list[tuple[int, int, float]] = []
        self._gc_began = 0.0

    def _gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_began = time.perf_counter()
            return
        took = (time.perf_counter() - self._gc_began) * 1000
        if took > 20:
            self.collections.append((self.clock.elapsed(), info["generation"], took))

    def start(self) -> None:
        gc.callbacks.append(self._gc)
        self.lateness.clear()
        self.clock.start()
        self.last = 0
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        gc.callbacks.remove(self._gc)

    def _beat(self) -> None:
        now = self.clock.elapsed()
        late = max(0, now - self.last - self.interval)
        self.lateness.append(late)
        if late > 30:
            self.stalls.append((now, late, self.context))
        self.last = now

    @property
    def worst(self) -> float:
        return max(self.lateness, default=0.0)


async def search_stall(qapp: QApplication, home: Path, postings: int) -> None:
    from app.core.settings import SourceEntry
    from app.ui.demo_data import DEMO_PREFERENCES, demo_profile
    from tests.ui.app_driver import running_app

    try:
        from app.workflows.job_search import JobSearchWorkflow  # noqa: F401

        real = True
    except ImportError:
        real = False
    boards = (("greenhouse", "acme"), ("lever", "globex"), ("ashby", "initech"),
              ("smartrecruiters", "umbrella"))  # fmt: skip
    # The fake boards run in their own process: in this one, their threads would take the
    # GIL from the window's loop (building a board's JSON holds it) and pollute the figure.
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    server = context.Process(target=_serve_boards, args=(child, boards, postings // 4),
                             daemon=True)  # fmt: skip
    server.start()
    base_url = parent.recv()
    try:
        async with running_app(qapp, home, allow_errors=True) as app:
            from app.storage.profiles import save_profile, update_user

            runtime = app.runtime
            await save_profile(runtime.db, runtime.user_id, demo_profile())
            await update_user(runtime.db, runtime.user_id, preferences=DEMO_PREFERENCES)
            runtime.settings.sources = [
                SourceEntry(kind=k, id=b, base_url=base_url) for k, b in boards
            ]
            app.window.set_onboarding(False)
            jobs = app.page("jobs")
            app.window.show_page("jobs")
            await app.settle(0.3)
            heartbeat = Heartbeat()

            def note(event: object) -> None:
                step = getattr(event, "current_step", None)
                status = getattr(event, "status", None)
                if status is not None:
                    heartbeat.context = f"{status} {step or ''}".strip()

            unsubscribe = runtime.events.subscribe(note)
            jobs.model.modelAboutToBeReset.connect(
                lambda: setattr(heartbeat, "context", "table reload")
            )
            heartbeat.start()
            await app.settle(0.5)  # idle window: the baseline
            heartbeat.context = "search requested"
            began = time.perf_counter()
            if real:
                run = await app.window.controllers.search.search()
                status = run.status
            else:
                status = await _synthetic_run(app)
            await app.until(
                lambda: jobs.model.total_count() > 0 or status != "succeeded", timeout=120
            )
            await app.settle(0.3)
            heartbeat.stop()
            took = time.perf_counter() - began
            lateness = sorted(heartbeat.lateness)
            print(
                f"\nsearch run ({'JobSearchWorkflow' if real else 'SYNTHETIC stand-in'}): "
                f"{status} in {took:.1f} s, {jobs.model.total_count():,} jobs in the table, "
                f"{postings:,} postings served (from another process)"
            )
            print(
                f"heartbeat: {len(lateness)} beats of 10 ms; lateness p50 "
                f"{lateness[len(lateness) // 2]:.0f} ms, p99 "
                f"{lateness[int(len(lateness) * 0.99)]:.0f} ms"
            )
            unsubscribe()
            print(f"longest event-loop stall: {heartbeat.worst:.0f} ms (goal <= 50 ms)")
            for at, late, context in heartbeat.stalls:
                print(f"  stall of {late:.0f} ms at {at / 1000:.2f} s, during: {context}")
            for at, generation, took in heartbeat.collections:
                print(
                    f"  garbage collection (generation {generation}) of {took:.0f} ms "
                    f"at {at / 1000:.2f} s"
                )
            if app.errors:
                print(f"errors shown: {app.errors}")

    finally:
        parent.send("stop")
        server.join(10)


def _serve_boards(pipe, boards, per_board: int) -> None:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.fakes.job_boards import JobBoardServer

    with JobBoardServer() as server:
        for kind, board in boards:
            server.add_board(kind, board, per_board)
        pipe.send(server.base_url)
        pipe.recv()  # until told to stop


async def _synthetic_run(app) -> str:  # type: ignore[no-untyped-def]
    """Without the search workflow: the same shape of work (slices, progress, a reload)."""
    from app.ui.demo_data import seed_demo
    from app.workflows.base import StepContext, Workflow

    class Synthetic(Workflow):
        kind = "search"
        steps = ("plan", "fetch", "normalise", "score", "save")

        async def run_step(self, name: str, ctx: StepContext) -> None:
            for i in range(50):
                ctx.progress(f"{name}: {i} of 50")
                sum(range(20_000))
                await asyncio.sleep(0.005)
            if name == "save":
                await seed_demo(ctx.runtime, jobs=2000)

    run = await app.window.controllers.search.launch(Synthetic())
    return run.status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--postings", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    qapp = QApplication.instance() or QApplication(sys.argv)
    table_latency(qapp, args.rows, args.repeat)  # type: ignore[arg-type]
    import qasync

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JOBAGENT_HOME"] = tmp
        loop = qasync.QEventLoop(qapp)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(search_stall(qapp, Path(tmp), args.postings))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
