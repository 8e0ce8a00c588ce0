"""Keys live in the keyring only, and never reach a log line."""

from __future__ import annotations

import logging

import keyring
from keyring.errors import NoKeyringError

from app.core.logs import redact, setup_logging
from app.core.secrets import NO_KEYRING_MESSAGE, SERVICE, SecretStore


def test_set_get_delete_through_the_keyring(memory_keyring):
    store = SecretStore()
    assert store.set("openai", "sk-test-1234567890abcdef") is True
    assert memory_keyring.store[(SERVICE, "openai")] == "sk-test-1234567890abcdef"
    assert store.get("openai") == "sk-test-1234567890abcdef"
    assert store.delete("openai") is True
    assert store.get("openai") is None
    assert store.warning is None


class BrokenKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):  # type: ignore[no-untyped-def]
        raise NoKeyringError("no backend")

    def set_password(self, service, username, password):  # type: ignore[no-untyped-def]
        raise NoKeyringError("no backend")

    def delete_password(self, service, username):  # type: ignore[no-untyped-def]
        raise NoKeyringError("no backend")


def test_no_keyring_keeps_the_key_for_this_session_and_says_so():
    keyring.set_keyring(BrokenKeyring())
    store = SecretStore()
    assert store.set("anthropic", "key-for-session-only") is False
    assert store.get("anthropic") == "key-for-session-only"
    assert store.warning == NO_KEYRING_MESSAGE


def test_secrets_and_credentials_are_redacted_in_logs(tmp_path, memory_keyring):
    store = SecretStore()
    store.set("google", "AIzaSyA-very-secret-google-key-123")
    setup_logging(tmp_path / "app.log")
    log = logging.getLogger("test.redaction")
    log.warning("calling with key %s", "AIzaSyA-very-secret-google-key-123")
    log.warning("db at postgresql://bob:hunter2pw@db.example/jobs")
    log.warning("header Authorization: Bearer abc.def.ghi")
    text = (tmp_path / "app.log").read_text()
    assert "very-secret" not in text and "hunter2pw" not in text and "abc.def.ghi" not in text
    assert text.count("***") == 3


def test_redact_patterns():
    assert redact("key sk-abcdefghijklmnopqrstuvwx end") == "key *** end"
    assert redact("no secrets here") == "no secrets here"
