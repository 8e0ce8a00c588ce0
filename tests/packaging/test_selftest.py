"""``jobagent --self-test`` from source: one line per check, exit 0; a failure is named."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import app.selftest
from app.selftest.checks import EXIT_AFTER_SHOW_ENV, CheckFailed

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_from_source_passes(app_home):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    names = [line.split(":")[0].split()[-1] for line in lines[:-1]]
    assert names == ["imports", "database", "profile", "matching", "window"]
    assert all(line.startswith("ok  ") and line.endswith(" s") for line in lines[:-1])
    assert lines[-1].startswith("self-test passed: 5 checks")
    assert not app_home.exists()  # it used a temporary home, not the user's


async def test_a_failed_check_is_named_and_exits_1(monkeypatch, app_home):
    async def fine(state):
        return "all good"

    async def broken(state):
        raise CheckFailed("the sample CV has no skills")

    async def crashing(state):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(
        app.selftest, "CHECKS", (("fine", fine), ("broken", broken), ("crashing", crashing))
    )
    out = io.StringIO()
    assert await app.selftest.run_self_test(out=out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ok  fine: all good in ")
    assert lines[1] == "FAIL broken: the sample CV has no skills"
    assert lines[2] == "FAIL crashing: RuntimeError: boom"
    assert lines[3].startswith("self-test FAILED (broken, crashing)")
    assert os.environ["JOBAGENT_HOME"] == str(app_home)  # restored afterwards


def test_the_window_probe_is_the_one_the_window_writes():
    from app.ui.application import EXIT_AFTER_SHOW_ENV as WINDOW_ENV

    assert EXIT_AFTER_SHOW_ENV == WINDOW_ENV
