"""The password of the PostgreSQL URL chosen in Settings lives in the OS keyring.

The settings file keeps the URL without its password
(``postgresql://app@db.example.org/jobs``); the keyring keeps the password
under a name made of that URL (``database:app@db.example.org:5432/jobs``),
so a second server gets its own entry. A URL given for one run
(``--db``, ``JOBAGENT_DATABASE_URL``, ``--url``) is used as it is and never
stored. A settings file written before this (password inside the URL) is
cleaned at the next start, once the keyring has taken the password.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import URL

from app.core.paths import AppPaths
from app.core.secrets import SecretStore
from app.core.settings import Settings, save_settings
from app.storage.urls import is_sqlite, parse_url

log = logging.getLogger(__name__)


def password_key(url: str) -> str:
    """The keyring entry's name for ``url``'s password: user, host, port and database."""
    parsed = parse_url(url)
    user, host = parsed.username or "", parsed.host or "localhost"
    return f"database:{user}@{host}:{parsed.port or 5432}/{parsed.database or ''}"


def split_password(url: str) -> tuple[str, str | None]:
    """``url`` without its password, and the password (None when it has none)."""
    parsed = parse_url(url)
    if is_sqlite(url) or not parsed.password:
        return url, None
    bare = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port,
                      parsed.database, parsed.query)  # fmt: skip
    return _render(bare), str(parsed.password)


def with_password(url: str, password: str | None) -> str:
    if not password or is_sqlite(url):
        return url
    return _render(parse_url(url).set(password=password))


def remember_password(url: str, password: str | None, secrets: SecretStore) -> tuple[str, bool]:
    """Keep ``password`` for ``url`` in the keyring; returns the URL to save in Settings
    (without a password) and whether the keyring has taken it (False: this session only)."""
    bare, in_url = split_password(url)
    password = password or in_url
    if not password:
        return bare, True
    return bare, secrets.set(password_key(bare), password)


def stored_password(url: str, secrets: SecretStore) -> str | None:
    if is_sqlite(url):
        return None
    return secrets.get(password_key(url))


def with_stored_password(url: str, secrets: SecretStore) -> str:
    """``url`` with the keyring's password for it, unless it has one already."""
    if is_sqlite(url) or split_password(url)[1]:
        return url
    return with_password(url, stored_password(url, secrets))


def move_password_to_keyring(settings: Settings, paths: AppPaths, secrets: SecretStore) -> bool:
    """A password left inside the settings URL goes to the keyring and out of the file.

    Nothing moves when the OS has no keyring: the password would then be lost at
    the next start, and the user could no longer connect.
    """
    url = settings.database.url
    if not url or split_password(url)[1] is None:
        return False
    bare, kept = remember_password(url, None, secrets)
    if not kept:
        log.warning("the database password stays in the settings file: no OS keyring")
        return False
    settings.database.url = bare
    save_settings(settings, paths.settings_file)
    log.info("moved the database password from the settings file to the OS keyring")
    return True


def _render(url: URL) -> str:
    return url.render_as_string(hide_password=False)
