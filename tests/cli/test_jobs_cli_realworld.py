"""``jobagent jobs`` on awkward data: formula-like text in exports, closed jobs, statuses in
any case, and a reader that stops early (``| head``)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import UTC, datetime

from app.runtime import Runtime
from app.storage import tracker
from app.storage.job_listing import JobRow, list_job_rows, spreadsheet_cell
from app.storage.models import Job, Match
from app.ui.components.job_export import export_rows

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def jobagent(*args: str, home) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "app", "--home", str(home), *args],
                          capture_output=True, text=True, timeout=120)  # fmt: skip


async def seed(paths, jobs: int = 3) -> dict[str, int]:
    """A hostile posting, a closed one, and a few plain ones, all scored."""
    runtime = await Runtime.open(paths)
    try:
        async with runtime.db.session() as session:
            rows = {
                "hostile": Job(source="file:feed", external_id="x1",
                               title="+£3/hr night premium - Picker",
                               company='=HYPERLINK("http://bad.example","Open")',
                               location="@Leeds", content_hash="a", url="https://a.example/1"),
                "closed": Job(source="file:feed", external_id="x2", title="Stock Controller",
                              company="Aire Foods", location="Leeds", content_hash="b",
                              url="https://a.example/2", closed_at=NOW),
            }  # fmt: skip
            for i in range(jobs):
                rows[f"plain{i}"] = Job(source="file:feed", external_id=f"p{i}",
                                        title=f"Warehouse Operative {i}", company="Aire Foods",
                                        location="Leeds", content_hash=f"p{i}")  # fmt: skip
            session.add_all(rows.values())
            await session.flush()
            session.add_all(Match(user_id=runtime.user_id, job_id=job.id, score=70 - n,
                                  scorer="offline", scorer_version="t",
                                  reasons={"summary": "-5 points for the commute"})
                            for n, job in enumerate(rows.values()))  # fmt: skip
            ids = {key: job.id for key, job in rows.items()}
        await tracker.set_status(runtime.db, runtime.user_id, ids["closed"], "applied",
                                 "\tcalled twice")  # fmt: skip
        return ids
    finally:
        await runtime.close()


def test_spreadsheet_cells():
    assert [spreadsheet_cell(v) for v in ("=1+1", "+44 113", "-x", "@a", "\tx", "\rx")] == [
        "'=1+1", "'+44 113", "'-x", "'@a", "'\tx", "'\rx"
    ]  # fmt: skip
    assert [spreadsheet_cell(v) for v in ("Leeds", "", "a=b", -5, 3.5, None)] == [
        "Leeds", "", "a=b", -5, 3.5, None
    ]  # fmt: skip


async def test_cli_csv_export_writes_formulas_as_text(paths, app_home):
    ids = await seed(paths)
    run = jobagent("jobs", "export", "--format", "csv", "--all", home=app_home)
    assert run.returncode == 0, run.stderr
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(run.stdout))}
    hostile = rows[str(ids["hostile"])]
    assert hostile["company"] == """'=HYPERLINK("http://bad.example","Open")"""
    assert hostile["title"] == "'+£3/hr night premium - Picker"
    assert hostile["location"] == "'@Leeds"
    assert hostile["summary"] == "'-5 points for the commute"
    assert rows[str(ids["closed"])]["note"] == "'\tcalled twice"
    assert hostile["score"] == "70.0"
    # JSON is data, not a spreadsheet: left as it is.
    run = jobagent("jobs", "export", "--format", "json", home=app_home)
    hostile = next(j for j in json.loads(run.stdout) if j["id"] == ids["hostile"])
    assert hostile["company"].startswith("=HYPERLINK")


async def test_window_csv_export_writes_formulas_as_text(paths, tmp_path):
    await seed(paths)
    runtime = await Runtime.open(paths)
    try:
        rows: list[JobRow] = await list_job_rows(runtime.db, runtime.user_id, include_closed=True)
    finally:
        await runtime.close()
    target = tmp_path / "jobs.csv"
    assert export_rows(rows, target) == len(rows)
    written = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    hostile = next(r for r in written if "HYPERLINK" in r["company"])
    assert hostile["company"].startswith("'=") and hostile["title"].startswith("'+")
    assert hostile["summary"] == "'-5 points for the commute"
    closed = next(r for r in written if r["title"] == "Stock Controller")
    assert closed["note"] == "'\tcalled twice"


async def test_closed_jobs_are_marked_and_statuses_read_in_any_case(paths, app_home):
    ids = await seed(paths)
    run = jobagent("jobs", "list", "--all", "--status", "Applied", home=app_home)
    assert run.returncode == 0, run.stderr
    [line] = [ln for ln in run.stdout.splitlines() if "Stock Controller" in ln]
    assert "applied (closed)" in line
    listed = jobagent("jobs", "list", home=app_home).stdout
    assert "Stock Controller" not in listed and "(closed)" not in listed

    run = jobagent("jobs", "list", "--all", "--json", home=app_home)
    closed = next(j for j in json.loads(run.stdout) if j["id"] == ids["closed"])
    assert closed["closed"] is True and closed["url"] == "https://a.example/2"

    run = jobagent("jobs", "set-status", str(ids["plain0"]), "SAVED", home=app_home)
    assert run.returncode == 0 and "is now saved" in run.stdout
    run = jobagent("jobs", "set-status", str(ids["plain0"]), "keen", home=app_home)
    assert run.returncode == 1 and run.stderr.startswith("error: Unknown status 'keen'")


async def test_a_reader_that_stops_early_ends_the_command_quietly(paths, app_home):
    await seed(paths, jobs=400)  # well over a pipe's buffer of JSON
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--home", str(app_home), "jobs", "list", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(200).startswith(b"[")  # `| head -c 200`
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert stderr == ""
