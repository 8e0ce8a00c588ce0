"""``jobagent runs list``: the history of workflow runs."""

from __future__ import annotations

import argparse

from app.cli.context import CliContext, print_json, print_table
from app.storage import runs as run_store


def register(commands: argparse._SubParsersAction) -> None:
    runs = commands.add_parser("runs", help="workflow run history")
    sub = runs.add_subparsers(dest="runs_command", required=True, metavar="COMMAND")
    listing = sub.add_parser("list", help="list recent runs")
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=list_runs)


def run_to_dict(run) -> dict:  # type: ignore[no-untyped-def]
    return {
        "id": run.id,
        "kind": run.kind,
        "status": run.status,
        "step_names": run.step_names,
        "current_step": run.current_step,
        "error_message": run.error_message,
        "warnings": run.warnings,
        "started_at": run.started_at,
        "finished_at": run.finished_at,
        "duration_s": run_store.duration_seconds(run),
        "usage": run.usage,
    }


async def list_runs(ctx: CliContext) -> int:
    runtime = await ctx.runtime()
    found = await run_store.list_runs(runtime.db, limit=ctx.args.limit)
    if ctx.args.json:
        print_json([run_to_dict(run) for run in found])
        return 0
    if not found:
        print("No runs yet.")
        return 0
    rows = []
    for run in found:
        duration = run_store.duration_seconds(run)
        rows.append(
            [
                run.id,
                run.kind,
                run.status,
                run.started_at.strftime("%Y-%m-%d %H:%M") if run.started_at else "",
                f"{duration:.1f}s" if duration is not None else "",
                (run.error_message or "")[:60],
            ]
        )
    print_table(rows, ["ID", "KIND", "STATUS", "STARTED", "DURATION", "ERROR"])
    return 0
