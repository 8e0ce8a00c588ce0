"""On PostgreSQL the app runs as a role that reads and writes rows and can change nothing else."""

from __future__ import annotations

import subprocess
import sys

import psycopg
import pytest

from app.core.errors import SchemaBehindError
from app.runtime import Runtime

pytestmark = pytest.mark.asyncio


def jobagent(*args: str, home) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-m", "app", "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def sql(url: str, statement: str) -> None:
    with psycopg.connect(url.replace("postgresql://", "postgresql://", 1), autocommit=True) as c:
        c.execute(statement)


@pytest.fixture
def granted(postgres, tmp_path):
    up = jobagent("db", "upgrade", "--url", postgres.owner_url, home=tmp_path)
    assert up.returncode == 0, up.stderr
    assert "upgraded from empty to" in up.stdout
    grant = jobagent(
        "db", "grant", "--url", postgres.owner_url, "--app-role", "jobagent_app", home=tmp_path
    )
    assert grant.returncode == 0, grant.stderr
    return postgres


async def test_the_settings_password_moves_to_the_keyring_and_still_connects(granted, paths):
    from app.core.settings import Settings, load_settings, save_settings
    from tests.support.postgres import APP_PASSWORD

    settings = Settings()
    settings.database.url = granted.app_url
    save_settings(settings, paths.settings_file)
    for _start in range(2):  # the first start moves the password, the second finds it there
        runtime = await Runtime.open(paths, load_settings(paths.settings_file))
        try:
            assert not runtime.db.is_sqlite
        finally:
            await runtime.close()
        assert APP_PASSWORD not in paths.settings_file.read_text(encoding="utf-8")


async def test_app_role_reads_and_writes_rows(granted, paths):
    runtime = await Runtime.open(paths, database_url=granted.app_url)
    try:
        from app.storage.runs import create_run, list_runs

        await create_run(runtime.db, "test", ["a"], runtime.user_id)
        assert [run.kind for run in await list_runs(runtime.db)] == ["test"]
    finally:
        await runtime.close()


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE TABLE intruder (id int)",
        "CREATE TABLE public.intruder (id int)",
        "CREATE TEMP TABLE intruder (id int)",
        "DROP TABLE job",
        "ALTER TABLE job ADD COLUMN x int",
        "TRUNCATE job",
        "CREATE INDEX ix_intruder ON job (title)",
    ],
)
async def test_app_role_cannot_change_the_schema(granted, statement):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        sql(granted.app_url, statement)


async def test_grant_covers_tables_created_later(granted):
    sql(granted.owner_url, "CREATE TABLE later_table (id int)")
    sql(granted.app_url, "INSERT INTO later_table VALUES (1)")
    sql(granted.app_url, "DELETE FROM later_table")


async def test_app_refuses_a_schema_that_is_behind(postgres, paths, tmp_path):
    assert (
        jobagent(
            "db", "upgrade", "--url", postgres.owner_url, "--revision", "base", home=tmp_path
        ).returncode
        == 0
    )
    with pytest.raises(SchemaBehindError, match="jobagent db upgrade --url"):
        await Runtime.open(paths, database_url=postgres.owner_url)
    run = jobagent("--db", postgres.owner_url, "runs", "list", home=tmp_path)
    assert run.returncode == 1
    assert "jobagent db upgrade --url ADMIN_URL" in run.stderr
    assert "Traceback" not in run.stderr


async def test_wrong_password_is_one_clear_line(postgres, tmp_path):
    bad = postgres.url("jobagent_app", "wrong", "jobagent")
    run = jobagent("--db", bad, "runs", "list", home=tmp_path)
    assert run.returncode == 1
    assert "password authentication failed" in run.stderr
    assert "wrong" not in run.stderr  # the password itself is never echoed
    assert len(run.stderr.strip().splitlines()) == 1


async def test_grant_names_a_missing_role(postgres, tmp_path):
    run = jobagent(
        "db", "grant", "--url", postgres.owner_url, "--app-role", "nobody", home=tmp_path
    )
    assert run.returncode == 1
    assert "Role 'nobody' does not exist" in run.stderr
