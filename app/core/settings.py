"""The user's settings: one versioned JSON file, migrated forward on load.

Secrets are never stored here (see ``app.core.secrets``). Each feature owns
one section; adding a field with a default needs no new version, renaming or
reshaping one does (add a ``_migrate_vN`` step).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from app.core.errors import ConfigError

log = logging.getLogger(__name__)

SETTINGS_VERSION = 2


class DatabaseSettings(BaseModel):
    url: str | None = Field(
        default=None, description="PostgreSQL URL; None means the SQLite file in the data folder."
    )


class ImportLimits(BaseModel):
    max_file_mb: int = 20
    max_pages: int = 30
    timeout_s: int = 30


class SourceEntry(BaseModel):
    kind: str
    id: str
    base_url: str | None = None
    name: str | None = None
    enabled: bool = True


class SearchSettings(BaseModel):
    per_host_concurrency: int = 2
    timeout_s: float = 20.0
    max_retries: int = 3


class ModelSettings(BaseModel):
    provider: Literal["none", "google", "openai", "anthropic", "openai-compatible"] = "none"
    model: str | None = None
    base_url: str | None = None
    #: How structured answers are asked for: "auto" uses a tool call and falls back to a
    #: JSON prompt for models that cannot call tools (many small local models).
    output_mode: Literal["auto", "tool", "native", "prompted"] = "auto"


class AgentSettings(BaseModel):
    review_top_k: int = 25
    review_concurrency: int = 4
    budget_requests: int = 60
    budget_tokens: int = 400_000
    request_timeout_s: float = 60.0


class PrivacySettings(BaseModel):
    redact_email: bool = True
    redact_phone: bool = True
    redact_address: bool = True
    redact_links: bool = True
    redact_referees: bool = True
    redact_for_local_models: bool = False


class UiSettings(BaseModel):
    window_geometry: str | None = None
    window_state: str | None = None
    last_page: str | None = None


class Settings(BaseModel):
    version: int = SETTINGS_VERSION
    database: DatabaseSettings = DatabaseSettings()
    import_limits: ImportLimits = ImportLimits()
    sources: list[SourceEntry] = []
    search: SearchSettings = SearchSettings()
    model: ModelSettings = ModelSettings()
    agents: AgentSettings = AgentSettings()
    privacy: PrivacySettings = PrivacySettings()
    ui: UiSettings = UiSettings()


def _migrate_v1(data: dict[str, Any]) -> dict[str, Any]:
    """v1 kept the database URL at the top level as ``database_url``."""
    url = data.pop("database_url", None)
    data.setdefault("database", {})
    if url and not data["database"].get("url"):
        data["database"]["url"] = url
    return data


_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _migrate_v1}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a settings dict of any older version up to ``SETTINGS_VERSION``."""
    version = int(data.get("version", 1))
    if version > SETTINGS_VERSION:
        raise ConfigError(
            f"The settings file was written by a newer version of the app (format {version}); "
            "update the app or move the settings file aside."
        )
    while version < SETTINGS_VERSION:
        data = _MIGRATIONS[version](data)
        version += 1
        data["version"] = version
    return data


def load_settings(path: Path) -> Settings:
    """Read settings, migrating old formats; a missing file gives the defaults."""
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
        return Settings.model_validate(migrate(raw))
    except (ValueError, ValidationError) as exc:
        raise ConfigError(
            f"The settings file {path} cannot be read ({_first_line(exc)}). "
            "Fix it, or delete it to start from the defaults."
        ) from exc


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically, so a crash mid-write never leaves a half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = settings.model_dump_json(indent=2)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
