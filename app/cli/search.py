"""``jobagent search``: run the job search in this process's loop and print its summary.

Ctrl+C cancels the run: it ends ``cancelled`` and the database keeps what it held before.
"""

from __future__ import annotations

import argparse
import sys
import time

from app.cli.context import CliContext, print_json, print_table
from app.core.events import RunProgress
from app.search.summary import SearchSummary
from app.workflows.job_search import run_search


def register(commands: argparse._SubParsersAction) -> None:
    search = commands.add_parser(
        "search", help="fetch jobs from your sources, score them against your profile"
    )
    search.add_argument("--json", action="store_true", help="print the summary as JSON")
    search.set_defaults(handler=search_cmd)


async def search_cmd(ctx: CliContext) -> int:
    runtime = await ctx.runtime()
    quiet = ctx.args.json

    def on_event(event: object) -> None:
        if not quiet and isinstance(event, RunProgress):
            print(f"  {event.detail}", file=sys.stderr, flush=True)

    unsubscribe = runtime.events.subscribe(on_event)
    started = time.perf_counter()
    try:
        run_id, summary = await run_search(runtime)
    finally:
        unsubscribe()
    seconds = time.perf_counter() - started
    run = await runtime.runner.wait(run_id)
    warnings = list(run.warnings or [])
    if ctx.args.json:
        print_json({"run_id": run_id, "status": run.status, "seconds": round(seconds, 2),
                    "warnings": warnings, **summary.to_dict()})  # fmt: skip
    else:
        print_summary(run_id, seconds, summary, warnings)
    return exit_code(summary)


def exit_code(summary: SearchSummary) -> int:
    """1 when every source failed (a broken network or wrong ids): scripts should know.

    The run itself still succeeds, as a search with some failed sources does, and keeps
    what was stored; only the exit code and a last line on stderr say nothing was fetched.
    """
    if summary.sources and len(summary.failed_sources) >= summary.sources:
        print("error: every source failed, so nothing was fetched (see the warnings above).",
              file=sys.stderr)  # fmt: skip
        return 1
    return 0


def print_summary(run_id: int, seconds: float, summary: SearchSummary, warnings: list[str]) -> None:
    print(f"Search finished in {seconds:.1f} s (run {run_id}).")
    for line in summary.lines():
        if not line.startswith("Failed:"):  # failed sources are among the warnings
            print(line)
    for warning in warnings:
        print(f"Warning: {warning}")
    if not summary.best:
        print("No open jobs scored yet.")
        return
    print()
    print("Best matches:")
    rows = [[m.id, f"{m.score:.0f}", m.title[:50], (m.company or "")[:24],
             (m.location or "")[:24], m.summary[:70]] for m in summary.best]  # fmt: skip
    print_table(rows, ["ID", "SCORE", "TITLE", "COMPANY", "LOCATION", "WHY"])
