"""Desktop integration: one identity (app/__init__.py), the .desktop entry, the icons."""

from __future__ import annotations

import configparser
import struct
from pathlib import Path

import app

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


def test_identity_is_read_from_the_app(scripts):
    identity = scripts.manifest.identity()
    assert identity["APP_NAME"] == app.APP_NAME
    assert identity["APP_ID"] == app.APP_ID == scripts.manifest.APP_NAME
    assert identity["ORG_NAME"] == app.ORG_NAME
    assert identity["__version__"] == app.__version__


def test_the_desktop_entry_matches_the_identity(scripts, tmp_path):
    path = scripts.desktop.write(tmp_path)
    assert path.name == f"{app.APP_ID}.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == app.APP_NAME
    assert entry["Comment"] == app.APP_SUMMARY
    assert entry["Exec"] == entry["Icon"] == app.APP_ID
    assert app.__version__ in path.read_text(encoding="utf-8")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_icons_exist_in_every_size():
    assert (ICONS / "jobagent.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert png_size(ICONS / f"jobagent-{size}.png") == (size, size)
    assert (ICONS / "jobagent.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
