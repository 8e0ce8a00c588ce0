"""``jobagent profile …`` as a user meets it: a new process, real files, exit codes, JSON."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import PHONE


def jobagent(home, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", "--home", str(home), *args],
                          input=stdin, capture_output=True, text=True, timeout=120)  # fmt: skip


def one_error_line(run: subprocess.CompletedProcess[str]) -> str:
    assert run.returncode == 1 and run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    return lines[0]


def test_import_json_shape(app_home, files):
    run = jobagent(app_home, "profile", "import", str(files.pdf()), str(files.docx()), "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    for key in ("name", "email", "phone", "location", "links", "profile_text",
                "years_experience", "skills", "experience", "education", "certifications",
                "suggested_job_titles", "documents", "warnings", "failures"):  # fmt: skip
        assert key in data, key
    assert (data["name"], data["phone"], data["location"]) == ("Jane Doe", PHONE, "London")
    assert data["years_experience"] > 8
    assert all({"name", "category", "evidence"} <= set(s) and s["evidence"]
               for s in data["skills"])  # fmt: skip
    job = data["experience"][0]
    assert {k: job[k] for k in ("title", "company", "start", "end")} == {
        "title": "Staff Nurse", "company": "St Thomas' Hospital", "start": "2018",
        "end": "present"}  # fmt: skip
    assert "location" in job
    assert data["education"][0]["institution"] == "King's College London"
    assert all({"title", "score", "reason"} <= set(t) for t in data["suggested_job_titles"])
    assert len(data["suggested_job_titles"]) >= 3
    assert [d["filename"] for d in data["documents"]] == ["cv.pdf", "cv.docx"]
    assert all(len(d["sha256"]) == 64 and d["pages"] for d in data["documents"])
    assert data["failures"] == [] and data["warnings"] == []
    assert [i["status"] for i in data["imported"]] == ["imported", "imported"]

    shown = jobagent(app_home, "profile", "show", "--json")
    assert shown.returncode == 0, shown.stderr
    again = json.loads(shown.stdout)
    assert again["skills"] == data["skills"] and again["documents"] == data["documents"]

    people = jobagent(app_home, "profile", "show")
    assert people.returncode == 0 and "Jane Doe" in people.stdout and "Staff Nurse" in people.stdout


def test_encrypted_pdf_and_password(app_home, files):
    locked = str(files.pdf(name="locked.pdf", password="s3cret"))
    line = one_error_line(jobagent(app_home, "profile", "import", locked))
    assert line == ("error: “locked.pdf” is encrypted: a password is needed to open it. "
                    "Give it with --password -.")  # fmt: skip
    line = one_error_line(jobagent(app_home, "profile", "import", locked, "--password", "nope"))
    assert line == "error: “locked.pdf” is encrypted: the password is wrong."
    line = one_error_line(jobagent(app_home, "profile", "import", locked, "--password", "-"))
    assert line == "error: No password given on standard input."
    # '-' reads it from a pipe (asked without echo on a terminal): not in the shell's history
    run = jobagent(app_home, "profile", "import", locked, "--password", "-", "--json",
                   stdin="s3cret\n")  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["name"] == "Jane Doe"
    run = jobagent(app_home, "profile", "import", locked, "--password", "s3cret", "--json")
    assert run.returncode == 0, run.stderr


def test_nothing_importable_is_one_line_and_exit_1(app_home, files):
    empty = files.folder / "empty.txt"
    empty.write_bytes(b"")
    assert one_error_line(jobagent(app_home, "profile", "import", str(empty))) == (
        "error: “empty.txt” is empty (0 bytes).")  # fmt: skip
    missing = files.folder / "nowhere.pdf"
    line = one_error_line(jobagent(app_home, "profile", "import", str(empty), str(missing)))
    assert line.startswith("error: None of the 2 files could be imported: “empty.txt” is empty")
    assert "“nowhere.pdf” cannot be opened" in line


def test_partial_import_warns_and_export_round_trips(app_home, files, tmp_path):
    bad = files.pdf(name="broken.pdf")
    bad.write_bytes(bad.read_bytes()[:300])
    run = jobagent(app_home, "profile", "import", str(bad), str(files.text()))
    assert run.returncode == 0, run.stderr
    assert "Profile saved (version 1) from 1 document(s)." in run.stdout
    assert "warning: “broken.pdf” is damaged or truncated" in run.stderr

    out = tmp_path / "resume.json"
    run = jobagent(app_home, "profile", "export", "--format", "json-resume", "--output", str(out))
    assert run.returncode == 0, run.stderr
    resume = json.loads(out.read_text(encoding="utf-8"))
    assert resume["basics"]["name"] == "Jane Doe" and resume["work"][0]["position"] == "Staff Nurse"

    # The exported file imports back as a document of its own; nothing is duplicated.
    run = jobagent(app_home, "profile", "import-json-resume", str(out), "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [d["media_type"] for d in data["documents"]] == ["text/plain", "application/json"]
    assert len(data["experience"]) == 2 and data["conflicts"] == []


def test_rebuild_show_and_enrich_without_a_profile(app_home):
    assert jobagent(app_home, "profile", "show").stdout.startswith("No profile yet.")
    line = one_error_line(jobagent(app_home, "profile", "rebuild"))
    assert "There is no CV to profile yet" in line
    line = one_error_line(jobagent(app_home, "profile", "export"))
    assert "There is no profile to export yet" in line
    enrich = jobagent(app_home, "profile", "enrich", "--help")
    assert enrich.returncode == 0 and "--json" in enrich.stdout
    assert "No AI model is set" in one_error_line(jobagent(app_home, "profile", "enrich"))
