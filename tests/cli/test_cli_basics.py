"""The CLI as a user meets it: exit codes, one-line errors, JSON that scripts can read."""

from __future__ import annotations

import json
import subprocess
import sys

from app import __version__


def jobagent(*args: str, home, env=None) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "app", "--home", str(home), *args],
                          capture_output=True, text=True, timeout=120, env=env)


def test_version(app_home):
    run = jobagent("--version", home=app_home)
    assert run.returncode == 0
    assert run.stdout.strip() == f"jobagent {__version__}"


def test_wrong_usage_exits_2_with_a_hint(app_home):
    run = jobagent("runs", "frobnicate", home=app_home)
    assert run.returncode == 2
    assert "invalid choice" in run.stderr and "--help" in run.stderr


def test_db_upgrade_then_current_on_sqlite(app_home):
    first = jobagent("db", "upgrade", home=app_home)
    assert first.returncode == 0, first.stderr
    again = jobagent("db", "upgrade", home=app_home)
    assert "already at" in again.stdout
    current = jobagent("db", "current", home=app_home)
    assert "up to date" in current.stdout


def test_runs_list_json_is_a_list(app_home):
    run = jobagent("runs", "list", "--json", home=app_home)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == []


def test_bad_database_url_is_one_clear_line(app_home):
    run = jobagent("--db", "mysql://root@localhost/x", "runs", "list", home=app_home)
    assert run.returncode == 1
    assert run.stderr.startswith("error: Unsupported database 'mysql'")
    assert "Traceback" not in run.stderr


def test_unreachable_postgres_is_one_clear_line(app_home):
    run = jobagent("--db", "postgresql://u:secretpw@127.0.0.1:9/db", "runs", "list",
                   home=app_home)
    assert run.returncode == 1
    assert "Cannot connect to the database" in run.stderr
    assert "secretpw" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_corrupt_settings_file_is_named(app_home):
    (app_home / "config").mkdir(parents=True)
    (app_home / "config" / "settings.json").write_text("{not json")
    run = jobagent("runs", "list", home=app_home)
    assert run.returncode == 1
    assert "settings.json cannot be read" in run.stderr


def test_sqlite_file_that_is_not_a_database(app_home, tmp_path):
    bogus = tmp_path / "not-a-db.sqlite3"
    bogus.write_bytes(b"this is a text file, not SQLite" * 100)
    run = jobagent("--db", f"sqlite:///{bogus}", "runs", "list", home=app_home)
    assert run.returncode == 1
    assert "not a database" in run.stderr
    assert bogus.read_bytes().startswith(b"this is a text file")
