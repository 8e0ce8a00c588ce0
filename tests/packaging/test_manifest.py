"""What the bundle must hold is derived from the source tree, and nothing needed is excluded."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Loaded by name or by a database URL, so only the derivation can know them.
LAZY = {
    "sqlalchemy.dialects.sqlite.aiosqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg",
    "pydantic_ai.models.openai",
    "pydantic_ai.models.google",
    "pydantic_ai.models.anthropic",
    "keyring.backends.fail",
    "alembic.op",
}


def test_every_app_module_and_data_file_is_required(scripts):
    needed = scripts.manifest.Requirements.for_app(platform="linux")
    for path in (ROOT / "app").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        assert name in needed.modules, name
    for path in (ROOT / "migrations" / "versions").glob("*.py"):
        assert f"migrations/versions/{path.name}" in needed.data
    assert "resources/taxonomy/skills.json" in needed.data
    assert "resources/icons/jobagent-256.png" in needed.data
    assert "resources/samples/sample_cv.pdf" in needed.data


def test_third_party_and_lazy_modules_are_required(scripts):
    needed = scripts.manifest.Requirements.for_app(platform="linux")
    assert LAZY | {"qasync", "PySide6.QtWidgets", "httpx", "httpx2", "pypdfium2", "docx"} <= (
        needed.modules
    )
    assert "keyring.backends.SecretService" in needed.modules
    assert ("pypdfium2_raw", "libpdfium") in needed.native
    assert {"offscreen", "xcb"} <= needed.qt_platforms
    assert "pydantic-ai-slim" in needed.metadata


def test_imports_under_type_checking_are_not_required(scripts):
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "import json\n"
        "if TYPE_CHECKING:\n"
        "    import tomllib\n"
        "def later():\n"
        "    from email import utils, message_from_string\n"
    )
    found = scripts.manifest._imports(tree)
    assert {"json", "email", "email.utils"} <= found
    assert "tomllib" not in found
    assert "email.message_from_string" not in found  # a function, not a module


def test_nothing_required_is_excluded_from_the_bundle(scripts):
    needed = scripts.manifest.Requirements.for_app()
    excluded = set(scripts.trim.excluded_modules(scripts.manifest.qt_modules(needed.modules)))
    clashes = {
        name
        for name in needed.modules
        for prefix in excluded
        if name == prefix or name.startswith(f"{prefix}.")
    }
    assert clashes == set()


def test_unused_qt_plugins_and_translations_are_dropped(scripts):
    toc = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "x", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "x", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "x", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", "x", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", "x", "BINARY"),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", "x", "BINARY"),
        ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
        ("selectolax/lexbor.c", "x", "DATA"),
        ("resources/taxonomy/skills.json", "x", "DATA"),
    ]
    kept = [dest for dest, _, _ in scripts.trim.drop_unused(toc)]
    assert kept == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "resources/taxonomy/skills.json",
    ]
