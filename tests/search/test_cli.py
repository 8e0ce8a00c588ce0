"""``jobagent sources|search|jobs`` as a user runs them: subprocesses, exit codes, JSON shapes."""

from __future__ import annotations

import csv
import json
import signal
import subprocess
import sys
import time

import pytest

from tests.fakes.job_boards import Fault

JOB_KEYS = {"id", "source", "external_id", "title", "company", "location", "remote", "url",
            "posted_at", "score", "reasons", "status"}  # fmt: skip


def jobagent(home, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", "--home", str(home), *args],
                          input=stdin, capture_output=True, text=True, timeout=120)  # fmt: skip


def ok(home, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    done = jobagent(home, *args, stdin=stdin)
    assert done.returncode == 0, done.stderr
    return done


def fails(home, *args: str) -> str:
    """Exit code 1 and one line on stderr: the message."""
    done = jobagent(home, *args)
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    return lines[0]


def test_sources_add_list_remove(app_home, tmp_path):
    ok(app_home, "sources", "add", "greenhouse:acme")
    ok(app_home, "sources", "add", "lever:globex", "--base-url", "https://api.eu.lever.co",
       "--name", "Globex")  # fmt: skip
    jobs_file = tmp_path / "jobs.csv"
    jobs_file.write_text("title,company\nData Engineer,Acme\n")
    ok(app_home, "sources", "add", f"file:{jobs_file}")
    listed = json.loads(ok(app_home, "sources", "list", "--json").stdout)
    assert [s["key"] for s in listed] == ["greenhouse:acme", "lever:globex", f"file:{jobs_file}"]
    assert listed[1] == {"position": 2, "key": "lever:globex", "kind": "lever", "id": "globex",
                         "name": "Globex", "base_url": "https://api.eu.lever.co",
                         "enabled": True}  # fmt: skip
    assert "lever:globex" in ok(app_home, "sources", "list").stdout

    assert "already in your list" in fails(app_home, "sources", "add", "greenhouse:acme")
    assert "unknown source kind 'monster'" in fails(app_home, "sources", "add", "monster:x")
    assert "invalid greenhouse id" in fails(app_home, "sources", "add", "greenhouse:../x")
    assert "base URL must be an http(s) URL" in fails(
        app_home, "sources", "add", "lever:x", "--base-url", "ftp://x")
    assert "there is no file" in fails(app_home, "sources", "add", "file:/nowhere/jobs.csv")

    ok(app_home, "sources", "remove", "2")
    ok(app_home, "sources", "remove", "greenhouse:acme")
    assert "No source 'ashby:x'" in fails(app_home, "sources", "remove", "ashby:x")
    assert "No source '7'" in fails(app_home, "sources", "remove", "7")
    listed = json.loads(ok(app_home, "sources", "list", "--json").stdout)
    assert [s["key"] for s in listed] == [f"file:{jobs_file}"]


def test_search_without_sources_says_what_to_do(app_home):
    message = fails(app_home, "search")
    assert "jobagent sources add KIND:ID" in message


def test_search_exits_1_when_every_source_failed(app_home, job_boards):
    ok(app_home, "sources", "add", "greenhouse:nowhere", "--base-url", job_boards.base_url)
    done = jobagent(app_home, "search", "--json")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("error: every source failed")
    summary = json.loads(done.stdout)
    assert summary["status"] == "succeeded"
    assert any("greenhouse:nowhere" in warning for warning in summary["warnings"])


def test_search_then_jobs_list_status_export(app_home, job_boards, tmp_path):
    job_boards.add_board("greenhouse", "acme", 6)
    job_boards.add_board("lever", "globex", 4)
    for spec in ("greenhouse:acme", "lever:globex", "ashby:missing"):
        ok(app_home, "sources", "add", spec, "--base-url", job_boards.base_url)

    text = ok(app_home, "search").stdout
    assert "Fetched 10 postings from 2 of 3 sources." in text
    assert "ashby:missing" in text and "Best matches:" in text

    summary = json.loads(ok(app_home, "search", "--json").stdout)
    assert summary["status"] == "succeeded"
    assert (summary["fetched"], summary["new"], summary["unchanged"]) == (10, 0, 10)
    assert (summary["scored"], summary["skipped_unchanged"]) == (0, 10)
    assert summary["failed_sources"] == [{"source": "ashby:missing", "name": "ashby:missing",
                                          "reason": "board 'missing' not found on ashby"}]
    assert any("ashby:missing" in w for w in summary["warnings"])
    assert summary["best"] and {"id", "title", "score", "summary"} <= set(summary["best"][0])

    jobs = json.loads(ok(app_home, "jobs", "list", "--json").stdout)
    assert len(jobs) == 10 and all(set(j) >= JOB_KEYS for j in jobs)
    assert all(isinstance(j["reasons"], dict) and "summary" in j["reasons"] for j in jobs)
    assert [j["score"] for j in jobs] == sorted((j["score"] for j in jobs), reverse=True)
    first, second = jobs[0], jobs[1]
    assert first["external_id"] and first["source"] in ("greenhouse:acme", "lever:globex")

    ok(app_home, "jobs", "set-status", str(first["id"]), "applied", "--note", "sent CV")
    ok(app_home, "jobs", "set-status", str(second["id"]), "hidden")
    applied = json.loads(ok(app_home, "jobs", "list", "--status", "applied", "--json").stdout)
    assert [(j["id"], j["status"], j["note"]) for j in applied] == [
        (first["id"], "applied", "sent CV")]
    visible = json.loads(ok(app_home, "jobs", "list", "--json").stdout)
    assert second["id"] not in {j["id"] for j in visible} and len(visible) == 9
    everything = json.loads(ok(app_home, "jobs", "list", "--all", "--json").stdout)
    assert len(everything) == 10
    top = first["score"]
    assert all(j["score"] >= top for j in json.loads(
        ok(app_home, "jobs", "list", "--min-score", str(top), "--json").stdout))
    ok(app_home, "search")  # the tracker survives a rerun
    applied = json.loads(ok(app_home, "jobs", "list", "--status", "applied", "--json").stdout)
    assert [j["id"] for j in applied] == [first["id"]]

    assert "Unknown status 'done'" in fails(app_home, "jobs", "set-status", "1", "done")
    assert "no job with id 999" in fails(app_home, "jobs", "set-status", "999", "saved")
    assert "Unknown status" in fails(app_home, "jobs", "list", "--status", "done")

    out = tmp_path / "jobs.csv"
    ok(app_home, "jobs", "export", "--format", "csv", "--output", str(out))
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 9 and {"id", "external_id", "score", "summary", "status"} <= set(rows[0])
    exported = json.loads(ok(app_home, "jobs", "export", "--format", "json", "--all").stdout)
    assert len(exported) == 10 and all(set(j) >= JOB_KEYS for j in exported)
    assert "Cannot write" in fails(app_home, "jobs", "export", "--format", "csv", "--output",
                                   str(tmp_path / "no" / "such" / "dir" / "x.csv"))


def test_jobs_add_text_and_add_url(app_home, job_boards):
    pasted = "Senior Data Engineer\nCompany: Initech\nLocation: Berlin, Germany\n\nPython, SQL."
    added = json.loads(ok(app_home, "jobs", "add-text", "-", "--json", stdin=pasted).stdout)
    assert added["created"] and added["source"] == "manual" and added["company"] == "Initech"
    again = json.loads(ok(app_home, "jobs", "add-text", "-", "--json", stdin=pasted).stdout)
    assert again["id"] == added["id"] and not again["created"]
    assert "empty" in fails(app_home, "jobs", "add-text", "/dev/null")
    assert "Cannot read /nowhere.txt" in fails(app_home, "jobs", "add-text", "/nowhere.txt")

    [job] = job_boards.add_board("jsonld", "site", 1)
    url = f"{job_boards.base_url}/jobs/site/{job.id}.html"
    page = json.loads(ok(app_home, "jobs", "add-url", url, "--json").stdout)
    assert page["source"] == "manual" and page["title"] == job.title and page["created"]
    jobs = json.loads(ok(app_home, "jobs", "list", "--json").stdout)
    assert {j["id"] for j in jobs} == {added["id"], page["id"]}
    assert all(j["source"] == "manual" and j["score"] is not None for j in jobs)
    job_boards.set_raw("/plain.html", "<html><body>No posting here</body></html>",
                       content_type="text/html")  # fmt: skip
    assert "no schema.org JobPosting" in fails(app_home, "jobs", "add-url",
                                               f"{job_boards.base_url}/plain.html")
    assert "not an http(s) URL" in fails(app_home, "jobs", "add-url", "file:///etc/passwd")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_ctrl_c_cancels_the_search_cleanly(app_home, job_boards):
    job_boards.add_board("greenhouse", "acme", 5)
    job_boards.add_fault("/v1/boards/acme/jobs", Fault.slow(5.0))
    ok(app_home, "sources", "add", "greenhouse:acme", "--base-url", job_boards.base_url)
    child = subprocess.Popen([sys.executable, "-m", "app", "--home", str(app_home), "search"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert child.stderr is not None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = child.stderr.readline()
            if "Fetching" in line or not line:
                break
        time.sleep(0.3)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=30)
    finally:
        child.kill()
    assert child.returncode == 130, err
    [run] = json.loads(ok(app_home, "runs", "list", "--json").stdout)
    assert run["kind"] == "search" and run["status"] == "cancelled"
    assert json.loads(ok(app_home, "jobs", "list", "--all", "--json").stdout) == []
