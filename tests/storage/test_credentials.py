"""The PostgreSQL password chosen in Settings lives in the keyring, never in the settings file."""

from __future__ import annotations

import json

import keyring

from app.core.secrets import SERVICE, SecretStore
from app.core.settings import Settings, load_settings, save_settings
from app.runtime import resolve_database_url
from app.storage.credentials import (
    move_password_to_keyring,
    password_key,
    remember_password,
    split_password,
    with_stored_password,
)

URL = "postgresql://app:s3cr%40t@db.example.org:6543/jobs"
BARE = "postgresql://app@db.example.org:6543/jobs"


def test_the_password_is_split_from_the_url_and_named_by_server_user_and_database():
    assert split_password(URL) == (BARE, "s3cr@t")
    assert split_password(BARE) == (BARE, None)
    assert split_password("sqlite:////tmp/a b.sqlite3") == ("sqlite:////tmp/a b.sqlite3", None)
    assert password_key(BARE) == password_key(URL) == "database:app@db.example.org:6543/jobs"
    assert password_key("postgresql://app@db/jobs") == "database:app@db:5432/jobs"


def test_a_remembered_password_is_found_again_for_the_same_url():
    secrets = SecretStore()
    assert remember_password(URL, None, secrets) == (BARE, True)
    assert keyring.get_password(SERVICE, password_key(BARE)) == "s3cr@t"
    assert with_stored_password(BARE, SecretStore()) == URL
    other_database = BARE.replace("/jobs", "/other")
    assert with_stored_password(other_database, secrets) == other_database
    typed = "postgresql://app:typed@db.example.org:6543/jobs"
    assert with_stored_password(typed, secrets) == typed  # a URL's own password wins


def test_an_old_settings_file_loses_its_password_to_the_keyring(paths):
    settings = Settings()
    settings.database.url = URL
    save_settings(settings, paths.settings_file)
    assert move_password_to_keyring(settings, paths, SecretStore())
    assert "s3cr" not in paths.settings_file.read_text(encoding="utf-8")
    assert json.loads(paths.settings_file.read_text())["database"]["url"] == BARE
    reloaded = load_settings(paths.settings_file)
    assert resolve_database_url(paths, reloaded, secrets=SecretStore()) == URL
    assert not move_password_to_keyring(reloaded, paths, SecretStore())  # nothing left to move


def test_without_a_keyring_the_password_stays_where_it_is(paths, monkeypatch):
    def no_backend(*_args):
        raise RuntimeError("no recommended backend was available")

    monkeypatch.setattr(keyring, "set_password", no_backend)
    settings = Settings()
    settings.database.url = URL
    save_settings(settings, paths.settings_file)
    secrets = SecretStore()
    assert not move_password_to_keyring(settings, paths, secrets)
    assert settings.database.url == URL and secrets.warning is not None
    assert load_settings(paths.settings_file).database.url == URL


def test_a_url_given_for_one_run_is_used_as_it_is(paths, monkeypatch):
    settings = Settings()
    settings.database.url = BARE
    remember_password(URL, None, SecretStore())
    given = "postgresql://other@elsewhere/db"
    assert resolve_database_url(paths, settings, given) == given
    monkeypatch.setenv("JOBAGENT_DATABASE_URL", given)
    assert resolve_database_url(paths, settings) == given
