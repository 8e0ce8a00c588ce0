"""The domain knows nothing of Qt: only app/ui and the entry point import PySide6 or qasync."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"
QT_ALLOWED = {"ui", "main.py"}
FORBIDDEN_ROOTS = {"PySide6", "qasync", "shiboken6"}
LOOP_STARTERS = {"run", "new_event_loop", "run_until_complete", "run_sync"}


def python_files() -> list[Path]:
    return sorted(APP.rglob("*.py"))


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
            if node.module.startswith("app.ui"):
                roots.add("app.ui")
    return roots


def test_only_the_ui_imports_qt():
    offenders = []
    for path in python_files():
        relative = path.relative_to(APP)
        if relative.parts[0] in QT_ALLOWED:
            continue
        bad = imported_roots(path) & (FORBIDDEN_ROOTS | {"app.ui"})
        if bad:
            offenders.append(f"{relative}: {sorted(bad)}")
    assert offenders == []


def test_only_the_entry_point_starts_an_event_loop():
    starters = []
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in LOOP_STARTERS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in {"asyncio", "loop", "agent"}
            ):
                starters.append(str(path.relative_to(APP)))
    assert set(starters) <= {"main.py"}, starters


def test_import_linter_contract():
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run(
        [lint_imports], capture_output=True, text=True, cwd=APP.parent, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
