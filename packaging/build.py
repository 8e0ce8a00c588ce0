#!/usr/bin/env python3
"""Build Job Agent Desktop as a one-folder app, from a clean slate, and verify it.

    python3 packaging/build.py

Creates ``.venv`` and installs the ``packaging`` extra when they are missing
(as ``dev.py`` does), removes ``packaging/build`` and ``packaging/dist``, runs
PyInstaller on ``packaging/jobagent.spec``, writes the Linux ``.desktop``
entry, and then fails unless ``packaging/verify.py`` finds everything the app
needs inside ``packaging/dist/jobagent``.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = HERE / "build"
DIST = HERE / "dist"
SPEC = HERE / "jobagent.spec"
EXTRAS = "postgres,packaging"  # PostgreSQL support ships in the bundle


def in_project_venv() -> bool:
    return Path(sys.prefix).resolve() == (ROOT / ".venv").resolve()


def ensure_environment() -> int | None:
    """Re-run this script in the project's venv, with PyInstaller installed, if needed."""
    if in_project_venv() and importlib.util.find_spec("PyInstaller") is not None:
        return None
    sys.path.insert(0, str(ROOT))
    import dev  # the same venv set-up as `python3 dev.py start|test`

    python = dev.ensure_installed(EXTRAS)
    if in_project_venv() and importlib.util.find_spec("PyInstaller") is None:
        # dev.py's stamp said "installed" but PyInstaller is gone: install the extra again.
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q", "install"]
        subprocess.run([*pip, "-e", f"{ROOT}[{EXTRAS}]"], check=True)
    return subprocess.call([str(python), str(Path(__file__).resolve()), *sys.argv[1:]])


def build() -> Path:
    for folder in (BUILD, DIST):
        shutil.rmtree(folder, ignore_errors=True)
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(BUILD), str(SPEC),
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)
    return DIST / "jobagent"


def source_snapshot() -> dict[str, int]:
    """Modification times of what goes into the bundle, to notice edits during a build."""
    return {
        str(path.relative_to(ROOT)): path.stat().st_mtime_ns
        for folder in ("app", "migrations", "resources")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def changed_since(before: dict[str, int]) -> list[str]:
    after = source_snapshot()
    names = before.keys() | after.keys()
    return sorted(name for name in names if before.get(name) != after.get(name))


def folder_size_mb(folder: Path) -> float:
    """Bytes on disk, as bench/package.py counts them: a symbolic link is not a second copy."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


def main() -> int:
    rerun = ensure_environment()
    if rerun is not None:
        return rerun
    sys.path.insert(0, str(HERE))
    import desktop
    import verify

    started, sources = time.perf_counter(), source_snapshot()
    print(f"Building {SPEC.name} into {DIST.relative_to(ROOT)} (clean) …", flush=True)
    try:
        bundle = build()
    except subprocess.CalledProcessError as exc:
        print(f"build: PyInstaller failed with exit code {exc.returncode}", file=sys.stderr)
        return 1
    entry = desktop.write(bundle)
    print(f"build: wrote {entry.relative_to(ROOT)}")
    if verify.main([str(bundle)]) != 0:
        print("build: FAILED verification (see above); the bundle is not usable", file=sys.stderr)
        changed = changed_since(sources)
        if changed:
            print(f"build: these files changed while building: {', '.join(changed[:8])}",
                  file=sys.stderr)  # fmt: skip
        return 1
    elapsed = time.perf_counter() - started
    size = folder_size_mb(bundle)
    print(f"build: ok: {bundle.relative_to(ROOT)} ({size:.0f} MB) in {elapsed:.0f} s")
    print(f"       run {bundle.relative_to(ROOT)}/jobagent --self-test to check it works")
    return 0


if __name__ == "__main__":
    sys.exit(main())
