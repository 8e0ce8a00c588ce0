"""The build's verifier names what a bundle lacks: modules, data files, metadata, libraries."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

MODULES = ["app", "app.core", "app.core.paths", "qasync", "sqlalchemy", "sqlalchemy.dialects"]
FILES = [
    "migrations/env.py",
    "migrations/versions/0001_initial_schema.py",
    "resources/taxonomy/skills.json",
    "resources/icons/jobagent-256.png",
    "pydantic_ai_slim-2.0.0.dist-info/METADATA",
    "pypdfium2_raw/libpdfium.so",
    "sqlalchemy/dialects/sqlite/_aiosqlite_ext.cpython-311-x86_64-linux-gnu.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
]


def needs(scripts, **overrides):
    values = dict(
        modules={"app.core.paths", "qasync", "sqlalchemy.dialects"},
        data={"migrations/versions/0001_initial_schema.py", "resources/taxonomy/skills.json"},
        metadata={"pydantic-ai-slim"},
        native={("pypdfium2_raw", "libpdfium")},
        qt_platforms={"offscreen"},
    )
    values.update(overrides)
    return scripts.manifest.Requirements(**values)


def test_a_complete_bundle_passes(scripts, fake_bundle):
    bundle = fake_bundle("complete", MODULES, FILES)
    inventory = scripts.verify.read_bundle(bundle)
    assert "sqlalchemy.dialects.sqlite._aiosqlite_ext" in inventory.modules  # from a file on disk
    assert scripts.verify.problems(inventory, needs(scripts)) == []


def test_a_missing_module_is_named(scripts, fake_bundle):
    bundle = fake_bundle("no-qasync", [m for m in MODULES if m != "qasync"], FILES)
    missing = scripts.verify.problems(scripts.verify.read_bundle(bundle), needs(scripts))
    assert missing == ["module qasync"]


def test_a_missing_data_file_is_named(scripts, fake_bundle):
    bundle = fake_bundle("no-taxonomy", MODULES, FILES)
    (bundle / "_internal" / "resources" / "taxonomy" / "skills.json").unlink()
    missing = scripts.verify.problems(scripts.verify.read_bundle(bundle), needs(scripts))
    assert missing == ["data file resources/taxonomy/skills.json"]


def test_missing_metadata_native_library_and_qt_plugin_are_named(scripts, fake_bundle):
    bundle = fake_bundle("bare", MODULES, FILES[:4])
    missing = scripts.verify.problems(scripts.verify.read_bundle(bundle), needs(scripts))
    assert missing == [
        "package metadata of pydantic-ai-slim (importlib.metadata needs it)",
        "shared library pypdfium2_raw/libpdfium*",
        "Qt platform plugin offscreen",
    ]


def test_verify_fails_without_the_executable(scripts, fake_bundle):
    bundle = fake_bundle("no-exe", MODULES, FILES)
    scripts.verify.executable(bundle).unlink()
    assert scripts.verify.verify(bundle, needs(scripts)) == [
        f"the executable {scripts.verify.executable(bundle)}"
    ]


def test_main_exits_1_and_prints_what_is_missing(scripts, fake_bundle, capsys, monkeypatch):
    bundle = fake_bundle("cli", MODULES, FILES)
    shutil.rmtree(bundle / "_internal" / "migrations")
    small = classmethod(lambda cls: needs(scripts))
    monkeypatch.setattr(scripts.verify.Requirements, "for_app", small)
    assert scripts.verify.main([str(bundle)]) == 1
    err = capsys.readouterr().err
    assert "incomplete" in err
    assert "data file migrations/versions/0001_initial_schema.py" in err


def test_module_names_from_bundle_paths(scripts):
    name = scripts.verify._module_name
    assert name("python3.11/lib-dynload/_sqlite3.cpython-311-x86_64-linux-gnu.so") == "_sqlite3"
    assert name("PySide6/QtCore.abi3.so") == "PySide6.QtCore"
    assert name("_ssl.pyd") == "_ssl"
    assert name("docx/__init__.pyc") == "docx"
    assert name("PySide6/Qt/lib/libQt6Core.so.6") is None
    assert name("pydantic_ai_slim-2.0.0.dist-info/METADATA") is None


needs_readelf = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("readelf") is None,
    reason="reads ELF libraries with binutils' readelf (Linux)",
)


@needs_readelf
def test_a_library_pruned_too_far_is_named(scripts, fake_bundle):
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqoffscreen.so"
    bundle = fake_bundle("unlinked", MODULES, FILES)
    shutil.copy(plugin, bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms")
    missing = scripts.verify.unlinked_libraries(bundle)
    plugin_path = "PySide6/Qt/plugins/platforms/libqoffscreen.so"
    assert f"library libQt6Gui.so.6 (needed by {plugin_path})" in missing
    assert not any("libc.so" in line or "libX11" in line for line in missing)  # the system's


@needs_readelf
def test_only_direct_links_are_followed(scripts):
    import PySide6

    gui = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Gui.so.6"
    needs = scripts.trim.direct_needs(str(gui))
    assert "libQt6Core.so.6" in needs
    assert not any(name.startswith("libicu") for name in needs)  # only Qt Core links ICU
