"""Settings: a versioned file, migrated forward, written atomically, never holding secrets."""

from __future__ import annotations

import json

import pytest

from app.core.errors import ConfigError
from app.core.settings import SETTINGS_VERSION, Settings, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path):
    settings = load_settings(tmp_path / "none.json")
    assert settings.model.provider == "none"
    assert settings.database.url is None


def test_version_1_is_migrated_forward(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "database_url": "postgresql://h/db",
                                "privacy": {"redact_email": False}}))
    settings = load_settings(path)
    assert settings.version == SETTINGS_VERSION
    assert settings.database.url == "postgresql://h/db"
    assert settings.privacy.redact_email is False


def test_round_trip_and_atomic_write(tmp_path):
    path = tmp_path / "cfg" / "settings.json"
    settings = Settings()
    settings.search.per_host_concurrency = 5
    save_settings(settings, path)
    assert load_settings(path).search.per_host_concurrency == 5
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


@pytest.mark.parametrize("content", ["{broken", "[1, 2]", '{"search": {"timeout_s": "soon"}}'])
def test_unreadable_file_names_itself(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_text(content)
    with pytest.raises(ConfigError, match=r"settings\.json cannot be read"):
        load_settings(path)


def test_newer_format_is_refused_not_overwritten(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": SETTINGS_VERSION + 1}))
    with pytest.raises(ConfigError, match="newer version"):
        load_settings(path)
