"""``jobagent --self-test``: prove this installation works, in a temporary home.

Runs from source and from the frozen bundle alike, inside the process's one
event loop (``app/main.py`` starts it). Each check prints one line,
``ok  database: migrated to 0002 in 0.12 s`` or ``FAIL window: …``; the
exit code is 0 only when every check passed. Nothing touches the user's real
folders, keyring or network.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from app.core.paths import HOME_ENV
from app.selftest.checks import CHECKS, CheckFailed, SelfTest


async def run_self_test(args: argparse.Namespace | None = None, out=None) -> int:  # type: ignore[no-untyped-def]
    """Run every check; 0 when all pass, 1 otherwise (the failed ones are named)."""
    out = out or sys.stdout
    started = time.perf_counter()
    failed: list[str] = []
    previous_home = os.environ.get(HOME_ENV)
    with tempfile.TemporaryDirectory(prefix="jobagent-selftest-") as tmp:
        os.environ[HOME_ENV] = tmp  # the window's child process inherits it
        try:
            state = SelfTest(home=Path(tmp))
            for name, check in CHECKS:
                line = await _run_one(name, check, state)
                if not line.startswith("ok"):
                    failed.append(name)
                print(line, file=out, flush=True)
        finally:
            _restore(previous_home)
    total = time.perf_counter() - started
    if failed:
        print(f"self-test FAILED ({', '.join(failed)}) in {total:.1f} s", file=out, flush=True)
        return 1
    print(f"self-test passed: {len(CHECKS)} checks in {total:.1f} s", file=out, flush=True)
    return 0


async def _run_one(name, check, state: SelfTest) -> str:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    try:
        detail = await check(state)
    except CheckFailed as exc:
        return f"FAIL {name}: {exc}"
    except Exception as exc:  # a self-test reports every failure, whatever its kind
        return f"FAIL {name}: {type(exc).__name__}: {_first_line(exc)}"
    return f"ok  {name}: {detail} in {time.perf_counter() - start:.2f} s"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "(no message)"


def _restore(previous_home: str | None) -> None:
    if previous_home is None:
        os.environ.pop(HOME_ENV, None)
    else:
        os.environ[HOME_ENV] = previous_home
