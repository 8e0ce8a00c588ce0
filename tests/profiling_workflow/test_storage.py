"""The store under concurrent imports, and the whole import on PostgreSQL as the app's role."""

from __future__ import annotations

import asyncio
import subprocess
import sys

from app.runtime import Runtime
from app.storage.profiles import load_profile

from .conftest import PHONE, cv_lines, document_count, profile_files, stored_files


async def test_two_runs_importing_the_same_file_at_once(runtime, files):
    path = files.pdf()
    (run_a, a), (run_b, b) = await asyncio.gather(profile_files(runtime, [path]),
                                                  profile_files(runtime, [path]))  # fmt: skip
    assert run_a.status == run_b.status == "succeeded"
    assert await document_count(runtime) == 1 and len(stored_files(runtime)) == 1
    assert a.result.imported[0].document.id == b.result.imported[0].document.id


def jobagent(home, *args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "app", "--home", str(home), *args],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr


async def test_profiling_on_postgresql_as_the_app_role(postgres, paths, files, tmp_path):
    jobagent(tmp_path, "db", "upgrade", "--url", postgres.owner_url)
    jobagent(tmp_path, "db", "grant", "--url", postgres.owner_url, "--app-role", "jobagent_app")
    runtime = await Runtime.open(paths, database_url=postgres.app_url)
    try:
        assert not runtime.db.is_sqlite
        second = files.docx(cv_lines(phone="+44 7911 123456"), name="older.docx")
        run, workflow = await profile_files(runtime, [files.pdf(), second, files.pdf()])
        assert run.status == "succeeded", run.error_message
        assert await document_count(runtime) == 2
        profile = await load_profile(runtime.db, runtime.user_id)
        assert profile["phone"] == PHONE and profile["conflicts"]
        assert profile == workflow.result.profile
        run, workflow = await profile_files(runtime, [])
        assert run.status == "succeeded" and workflow.result.saved is False
    finally:
        await runtime.close()
