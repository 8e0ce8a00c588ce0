"""The window's remembered size, position and page, read without the settings model.

The window must appear before the heavier modules (pydantic, SQLAlchemy)
are imported, so this reads the ``ui`` section of the settings file with
the json module alone. The full settings are loaded right after.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass
class WindowState:
    geometry: str | None = None
    last_page: str | None = None


def read_window_state(settings_file: Path) -> WindowState:
    try:
        ui = json.loads(settings_file.read_text(encoding="utf-8")).get("ui") or {}
        return WindowState(ui.get("window_geometry"), ui.get("last_page"))
    except (OSError, ValueError, AttributeError):
        return WindowState()
