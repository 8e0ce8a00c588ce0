"""The job search at scale: 10,000 and 20,000 postings through the real workflow on SQLite.

    .venv/bin/python bench/search_scale.py [--sizes 10000 20000] [--profile]

For each size a fresh child process (its own home folder, SQLite file and caches) runs
``JobSearchWorkflow`` against the fake job boards, served from another process on
127.0.0.1 (``python -m tests.fakes.job_boards``) so the server does not share the
child's GIL. The postings come in boards of 2,500 (Greenhouse, Lever, Ashby, Remotive;
Remotive's companies overlap the boards', so some jobs are found twice). A 10 ms
heartbeat task measures how late the event loop wakes it: the longest lateness is the
longest stall. Peak memory is the child's RSS high-water mark, taken after the first
search. Then the same search runs again (nothing changed, so nothing is rescored) and
its time is printed too; it is not part of the goals.

Goals (issue 4): 10,000 in at most 10 s, peak memory at most 400 MB, longest stall at
most 50 ms, and 20,000 in at most 2.2 times the 10,000 time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BOARD = 2500
BOARDS = [  # (kind, id); Remotive once, then more employer boards as the size grows
    ("greenhouse", "acme"), ("lever", "globex"), ("ashby", "initech"), ("remotive", "all"),
    ("greenhouse", "hooli"), ("lever", "umbrella"), ("ashby", "soylent"),
    ("greenhouse", "tyrell"), ("lever", "cyberdyne"), ("ashby", "wayne"),
]  # fmt: skip
PROFILE = {
    "skills": [{"name": n, "category": "tech", "evidence": f"Used {n} daily"} for n in (
        "Python", "Django", "FastAPI", "PostgreSQL", "Docker", "Kubernetes", "AWS", "SQL",
        "REST APIs", "Terraform")],
    "experience": [{"title": "Senior Backend Engineer", "company": "Paylane"},
                   {"title": "Software Engineer", "company": "Shopwise"}],
    "years_experience": 8,
    "suggested_job_titles": [{"title": "Backend Engineer"}, {"title": "Python Developer"}],
    "location": "Berlin, Germany",
    "profile_text": (
        "Backend engineer building payment and search services in Python, Django and "
        "FastAPI on PostgreSQL; deploys with Docker and Kubernetes on AWS; mentors engineers."
    ),
}  # fmt: skip
PREFERENCES = {"remote_modes": ["remote", "hybrid"], "locations": ["Berlin", "Germany"],
               "salary_floor": 70000, "salary_currency": "USD",
               "wanted_titles": ["Senior Python Engineer"]}  # fmt: skip


def boards_for(size: int) -> list[tuple[str, str, int]]:
    count = max(1, size // BOARD)
    if count > len(BOARDS):
        raise SystemExit(f"at most {len(BOARDS) * BOARD} postings")
    return [(kind, ident, BOARD) for kind, ident in BOARDS[:count]]


class Heartbeat:
    """A task that sleeps 10 ms at a time and records how late it wakes."""

    def __init__(self, interval: float = 0.010) -> None:
        self.interval = interval
        self.longest = 0.0
        self.longest_busy = 0.0
        self.busy_by_step: dict[str, float] = {}
        self.by_step: dict[str, float] = {}
        self.step = "start"
        self._task: asyncio.Task[None] | None = None

    async def _beat(self) -> None:
        while True:
            start, cpu = time.perf_counter(), time.thread_time()
            await asyncio.sleep(self.interval)
            late = time.perf_counter() - start - self.interval
            self.longest = max(self.longest, late)
            self.by_step[self.step] = max(self.by_step.get(self.step, 0.0), late)
            # Main-thread CPU time in the late beat: tells a stall of our own code from
            # the OS running another process (or our other threads) instead.
            busy = time.thread_time() - cpu - self.interval
            self.longest_busy = max(self.longest_busy, busy)
            self.busy_by_step[self.step] = max(self.busy_by_step.get(self.step, 0.0), busy)

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._beat())

    async def stop(self) -> None:
        assert self._task is not None
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


async def child(size: int, base_url: str, home: Path, profile_to: str | None) -> dict:
    from app.core.events import RunUpdate
    from app.core.paths import app_paths
    from app.core.settings import Settings, SourceEntry
    from app.runtime import Runtime
    from app.storage.profiles import save_profile, update_user
    from app.workflows.job_search import run_search

    sources = [SourceEntry(kind=k, id=i, base_url=base_url) for k, i, _ in boards_for(size)]
    runtime = await Runtime.open(app_paths(home), Settings(sources=sources))
    try:
        await save_profile(runtime.db, runtime.user_id, PROFILE)
        await update_user(runtime.db, runtime.user_id, preferences=PREFERENCES)
        beat = Heartbeat()

        step_started: dict[str, float] = {}

        def on_event(event: object) -> None:
            if isinstance(event, RunUpdate) and event.current_step != beat.step:
                step_started[event.current_step or "end"] = time.perf_counter()
                beat.step = event.current_step or "end"

        runtime.events.subscribe(on_event)
        profiler = None
        if profile_to:
            import cProfile

            profiler = cProfile.Profile()
        await asyncio.sleep(0.05)  # let start-up settle before the heartbeat counts
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        beat.start()
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        _run_id, summary = await run_search(runtime)
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile_to)
        seconds = time.perf_counter() - started
        await beat.stop()
        marks = sorted(step_started.items(), key=lambda item: item[1])
        step_seconds = {name: round(marks[i + 1][1] - at, 2)
                        for i, (name, at) in enumerate(marks[:-1])}  # fmt: skip
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        rerun_beat = Heartbeat()  # the same boards again: nothing changed, nothing rescored
        rerun_beat.step = beat.step

        def on_rerun_event(event: object) -> None:
            if isinstance(event, RunUpdate) and event.current_step:
                rerun_beat.step = event.current_step

        runtime.events.subscribe(on_rerun_event)
        rerun_beat.start()
        rerun_started = time.perf_counter()
        _run_id, rerun = await run_search(runtime)
        rerun_seconds = time.perf_counter() - rerun_started
        await rerun_beat.stop()
        return {
            "rerun_seconds": rerun_seconds,
            "rerun_longest_stall_ms": rerun_beat.longest * 1000,
            "rerun_stall_by_step_ms": {k: round(v * 1000, 1)
                                       for k, v in rerun_beat.by_step.items()},
            "rerun_scored": rerun.scored,
            "rerun_skipped": rerun.skipped_unchanged,
            "size": size,
            "seconds": seconds,
            "peak_rss_mb": peak,
            "rss_before_run_mb": rss_before,
            "longest_stall_ms": beat.longest * 1000,
            "longest_busy_stall_ms": max(0.0, beat.longest_busy * 1000),
            "step_seconds": step_seconds,
            "stall_by_step_ms": {k: round(v * 1000, 1) for k, v in beat.by_step.items()},
            "busy_by_step_ms": {k: round(max(v, 0) * 1000, 1)
                                for k, v in beat.busy_by_step.items()},
            "fetched": summary.fetched,
            "new": summary.new,
            "duplicates": summary.duplicates,
            "scored": summary.scored,
            "failed": [f.reason for f in summary.failed_sources],
        }
    finally:
        await runtime.close()


def serve(boards: list[tuple[str, str, int]]) -> tuple[subprocess.Popen[str], str]:
    args = [f"{k}:{i}:{n}" for k, i, n in boards]
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.fakes.job_boards", *args],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    base_url = proc.stdout.readline().strip()
    if not base_url.startswith("http"):
        proc.kill()
        raise SystemExit("the fake job-board server did not start")
    return proc, base_url


def measure(size: int, profile_dir: Path | None) -> dict:
    """One size in a fresh child process, against a fresh server process."""
    server, base_url = serve(boards_for(size))
    try:
        with tempfile.TemporaryDirectory(prefix="jobagent-bench-") as home:
            command = [sys.executable, __file__, "--child", str(size), "--base-url", base_url,
                       "--home", home]  # fmt: skip
            if profile_dir:
                command += ["--profile-to", str(profile_dir / f"search-{size}.prof")]
            env = {**os.environ, "JOBAGENT_HOME": home}
            done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
            if done.returncode != 0:
                raise SystemExit(f"child failed:\n{done.stderr[-3000:]}")
            return json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=10)


def report(result: dict) -> None:
    print(
        f"{result['size']:>6} postings: {result['seconds']:6.2f} s, "
        f"peak RSS {result['peak_rss_mb']:5.0f} MB (before the run "
        f"{result['rss_before_run_mb']:.0f} MB), longest stall {result['longest_stall_ms']:5.1f} ms"
    )
    print(f"        per step (seconds): {result['step_seconds']}")
    print(f"        per step (longest stall, ms): {result['stall_by_step_ms']}")
    print(
        f"        longest stretch of the loop's own CPU work: "
        f"{result['longest_busy_stall_ms']:.1f} ms (the rest of a stall is other processes); "
        f"per step: {result['busy_by_step_ms']}"
    )
    print(
        f"        rerun with nothing changed: {result['rerun_seconds']:.2f} s, longest stall "
        f"{result['rerun_longest_stall_ms']:.1f} ms, scored {result['rerun_scored']}, "
        f"kept {result['rerun_skipped']} scores; per step (ms): {result['rerun_stall_by_step_ms']}"
    )
    print(
        f"        fetched {result['fetched']}, new {result['new']}, duplicates "
        f"{result['duplicates']}, scored {result['scored']}, failed sources {result['failed']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000])
    parser.add_argument("--profile", action="store_true", help="write cProfile stats to bench/")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--home", help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = asyncio.run(child(args.child, args.base_url, Path(args.home), args.profile_to))
        print(json.dumps(result))
        return
    profile_dir = Path(tempfile.gettempdir()) if args.profile else None
    results = [measure(size, profile_dir) for size in args.sizes]
    for result in results:
        report(result)
    if len(results) >= 2:
        first, last = results[0], results[-1]
        ratio = last["seconds"] / first["seconds"]
        print(f"time ratio {last['size']:,}/{first['size']:,}: {ratio:.2f} (goal at most 2.2)")
    print("goals: 10,000 in <= 10 s, peak RSS <= 400 MB, longest stall <= 50 ms")
    if profile_dir:
        print(f"profiles: {profile_dir}/search-*.prof")


if __name__ == "__main__":
    main()
