"""``jobagent jobs list|set-status|export|add-text|add-url``: the jobs found, and the tracker.

The list is ``app.storage.job_listing`` (the window's jobs table reads the same): one row
per job, however many boards posted it; closed and hidden jobs only with ``--all``, where
a closed job's status reads "applied (closed)". Statuses are read in any case ("Applied").
CSV cells that a spreadsheet would run as a formula are written as text (see
``job_listing.spreadsheet_cell``).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.context import CliContext, print_json, print_table
from app.core.errors import UserError
from app.search import manual
from app.storage import jobs as job_store
from app.storage import tracker
from app.storage.job_listing import JobRow, list_job_rows, spreadsheet_cell

CSV_COLUMNS = ("id", "source", "external_id", "title", "company", "location", "remote", "url",
               "posted_at", "score", "summary", "matched_skills", "missing_skills", "status",
               "note", "salary", "employment_type", "closed", "duplicates")  # fmt: skip


def register(commands: argparse._SubParsersAction) -> None:
    jobs = commands.add_parser("jobs", help="the jobs found, their scores and your tracker")
    sub = jobs.add_subparsers(dest="jobs_command", required=True, metavar="COMMAND")
    listing = sub.add_parser("list", help="list jobs, best match first")
    _filters(listing)
    listing.add_argument("--limit", type=int, help="at most this many jobs")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=list_cmd)

    status = sub.add_parser("set-status", help="track a job: saved, applied, hidden…")
    status.add_argument("job_id", metavar="ID", type=int, help="the job's id from `jobs list`")
    status.add_argument("status", metavar="STATUS", help=", ".join(tracker.STATUSES))
    status.add_argument("--note", help="a note to keep with the job")
    status.set_defaults(handler=set_status_cmd)

    export = sub.add_parser("export", help="write the jobs as CSV or JSON")
    export.add_argument("--format", choices=("csv", "json"), required=True)
    export.add_argument("--output", metavar="FILE", help="write here instead of stdout")
    _filters(export)
    export.set_defaults(handler=export_cmd)

    text = sub.add_parser("add-text", help="add one posting from pasted text")
    text.add_argument("file", metavar="FILE", help="a text file, or - to read stdin")
    text.add_argument("--json", action="store_true", help="print JSON")
    text.set_defaults(handler=add_text_cmd)
    url = sub.add_parser("add-url", help="add one posting from a page with JobPosting JSON-LD")
    url.add_argument("url", metavar="URL")
    url.add_argument("--json", action="store_true", help="print JSON")
    url.set_defaults(handler=add_url_cmd)


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--min-score", type=float, metavar="N", help="only scores of N or more")
    parser.add_argument("--status", metavar="S", help="only this tracker status")
    parser.add_argument("--all", action="store_true", help="also closed and hidden jobs")


async def _rows(ctx: CliContext, limit: int | None = None) -> list[dict[str, Any]]:
    args = ctx.args
    status = tracker.normalise_status(args.status) if args.status is not None else None
    if args.min_score is not None and not 0 <= args.min_score <= 100:
        raise UserError("--min-score must be between 0 and 100.")
    if limit is not None and limit < 1:
        raise UserError("--limit must be at least 1.")
    runtime = await ctx.runtime()
    rows = await list_job_rows(
        runtime.db, runtime.user_id,
        include_closed=args.all, include_hidden=args.all,
        statuses=[status] if status else None,
        min_score=args.min_score, limit=limit,
    )  # fmt: skip
    ids = await job_store.external_ids(runtime.db, (row.job_id for row in rows))
    return [job_dict(row, ids.get(row.job_id, "")) for row in rows]


def job_dict(row: JobRow, external_id: str) -> dict[str, Any]:
    """One job as ``jobs list --json`` prints it."""
    return {
        "id": row.job_id,
        "source": row.source,
        "external_id": external_id,
        "title": row.title,
        "company": row.company,
        "location": row.location,
        "remote": row.remote,
        "url": row.url,
        "posted_at": row.posted_at.isoformat() if row.posted_at else None,
        "score": row.score,
        "reasons": row.reasons,
        "llm_score": row.llm_score,
        "status": row.status,
        "note": row.note,
        "employment_type": row.employment_type,
        "salary": row.salary_text() or None,
        "closed": row.closed,
        "duplicates": row.duplicates,
        "sources": list(row.sources),
    }


async def list_cmd(ctx: CliContext) -> int:
    jobs = await _rows(ctx, ctx.args.limit)
    if ctx.args.json:
        print_json(jobs)
        return 0
    if not jobs:
        print("No jobs match. Run `jobagent search` first, or widen the filters (--all).")
        return 0
    table = [[j["id"], "" if j["score"] is None else f"{j['score']:.0f}",
              f"{j['status']} (closed)" if j["closed"] else j["status"], j["title"][:48],
              (j["company"] or "")[:22], (j["location"] or "")[:22], j["remote"] or "",
              j["source"]] for j in jobs]  # fmt: skip
    print_table(table, ["ID", "SCORE", "STATUS", "TITLE", "COMPANY", "LOCATION", "REMOTE",
                        "SOURCE"])  # fmt: skip
    return 0


async def set_status_cmd(ctx: CliContext) -> int:
    runtime = await ctx.runtime()
    entry = await tracker.set_status(runtime.db, runtime.user_id, ctx.args.job_id,
                                     ctx.args.status, ctx.args.note)  # fmt: skip
    note = f' (note: "{entry.note}")' if entry.note else ""
    print(f"Job {ctx.args.job_id} is now {entry.status}{note}.")
    return 0


def _csv_row(job: dict[str, Any]) -> list[Any]:
    reasons = job["reasons"] or {}
    extra = {
        "summary": reasons.get("summary", ""),
        "matched_skills": "; ".join(reasons.get("matched_skills") or []),
        "missing_skills": "; ".join(reasons.get("missing_skills") or []),
    }
    return [spreadsheet_cell("" if (v := extra.get(c, job.get(c))) is None else v)
            for c in CSV_COLUMNS]


async def export_cmd(ctx: CliContext) -> int:
    jobs = await _rows(ctx)
    if ctx.args.format == "json":
        text = json.dumps(jobs, indent=2, ensure_ascii=False, default=str) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(_csv_row(job) for job in jobs)
        text = buffer.getvalue()
    if ctx.args.output:
        path = Path(ctx.args.output).expanduser()
        try:
            path.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise UserError(f"Cannot write {path}: {exc.strerror or exc}.") from None
        print(f"Wrote {len(jobs)} jobs to {path}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


async def add_text_cmd(ctx: CliContext) -> int:
    source = ctx.args.file
    if source == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(source).expanduser().read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise UserError(f"Cannot read {source}: {exc.strerror or exc}.") from None
    return await _add(ctx, manual.posting_from_pasted(text))


async def add_url_cmd(ctx: CliContext) -> int:
    runtime = await ctx.runtime()
    return await _add(ctx, await manual.posting_from_page(runtime, ctx.args.url))


async def _add(ctx: CliContext, posting: Any) -> int:
    runtime = await ctx.runtime()
    added = await manual.add_posting(runtime, posting)
    warnings = [str(w) for w in added.posting.extra.get("warnings", [])]  # e.g. expired
    for warning in warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    if ctx.args.json:
        print_json({"id": added.job_id, "created": added.created, "source": added.posting.source,
                    "external_id": added.posting.external_id, "title": added.posting.title,
                    "company": added.posting.company, "score": added.score,
                    "summary": added.summary, "warnings": warnings})  # fmt: skip
        return 0
    verb = "Added" if added.created else "Updated"
    company = f" at {added.posting.company}" if added.posting.company else ""
    print(f"{verb} job {added.job_id}: {added.posting.title}{company}. {added.summary}")
    return 0
