#!/usr/bin/env python3
"""Set up and run Job Agent Desktop from a clone, with nothing but Python 3.11+.

    python3 dev.py start [ARGS...]   install (first time) and open the app
    python3 dev.py test  [ARGS...]   install (first time) and run lint + the whole test suite

Both create ``.venv`` beside this file and install the project into it; they
reinstall only when pyproject.toml changed, so they are safe to rerun.
Extra ARGS go to the app (``--home DIR``) or to pytest (``-k name``).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
EXTRAS = {"start": "postgres", "test": "dev,postgres"}


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def ensure_installed(extras: str) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py may be run by an older python3)
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print("Creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras.replace(',', '-')}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != wanted:
        print(f"Installing the app with extras [{extras}] …", flush=True)
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
        subprocess.run([*pip, "install", "-e", f"{ROOT}[{extras}]"], check=True)
        stamp.write_text(wanted)
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in EXTRAS:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = ensure_installed(EXTRAS[command])
    if command == "start":
        return subprocess.call([str(python), "-m", "app", *rest], cwd=ROOT)
    lint = subprocess.call([str(python), "-m", "ruff", "check", "."], cwd=ROOT)
    tests = subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT)
    return tests or lint


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
