"""Load the build scripts in packaging/ (a folder of scripts, not a package: the name
would shadow the ``packaging`` library) and make small fake bundles for the verifier."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def scripts(monkeypatch):
    """The build's scripts in packaging/ (manifest, verify, desktop, trim, icu_data,
    openssl), imported as the build does."""
    monkeypatch.syspath_prepend(str(ROOT / "packaging"))
    import desktop
    import icu_data
    import manifest
    import openssl
    import trim
    import verify

    return SimpleNamespace(manifest=manifest, verify=verify, desktop=desktop, trim=trim,
                           icu_data=icu_data, openssl=openssl)  # fmt: skip


@pytest.fixture
def fake_bundle(tmp_path, scripts):
    """Make a small fake bundle: ``fake_bundle("name", modules=[...], files=[...])``."""
    pytest.importorskip("PyInstaller", reason="needs the packaging extra (PyInstaller)")

    def make(name: str, modules: list[str], files: list[str]) -> Path:
        return _make_fake_bundle(tmp_path / name, modules, files, scripts.verify.executable)

    return make


def _make_fake_bundle(folder: Path, modules: list[str], files: list[str], executable) -> Path:
    """A one-folder layout like PyInstaller's: an executable holding a PYZ of ``modules``
    (written with PyInstaller's own archive writers), and ``files`` under ``_internal``."""
    from PyInstaller.archive.writers import CArchiveWriter, ZlibArchiveWriter

    sources = folder.parent / f"{folder.name}-sources"
    entries, code = [], {}
    for name in modules:
        is_package = any(other.startswith(f"{name}.") for other in modules)
        source = sources / name / ("__init__.py" if is_package else f"{name.split('.')[-1]}.py")
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text("", encoding="utf-8")
        entries.append((name, str(source), "PYMODULE"))
        code[name] = compile("", str(source), "exec")
    pyz = folder.parent / f"{folder.name}.pyz"
    ZlibArchiveWriter(str(pyz), entries, code)
    (folder / "_internal").mkdir(parents=True)
    CArchiveWriter(str(executable(folder)), [("PYZ.pyz", str(pyz), False, "z")], "libpython3.so")
    for relative in files:
        path = folder / "_internal" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"fake")
    return folder
