"""Database URLs as users write them, turned into the drivers this app uses."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from app.core.errors import ConfigError

_POSTGRES_NAMES = {
    "postgres",
    "postgresql",
    "postgresql+psycopg",
    "postgresql+psycopg2",
    "postgresql+asyncpg",
}
_SQLITE_NAMES = {"sqlite", "sqlite+aiosqlite", "sqlite+pysqlite"}


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url.strip())
    except ArgumentError as exc:
        raise ConfigError(
            f"'{_hide_password(url)}' is not a database URL. Use sqlite:///PATH or "
            "postgresql://USER:PASSWORD@HOST:PORT/DATABASE."
        ) from exc
    if parsed.drivername not in _POSTGRES_NAMES | _SQLITE_NAMES:
        raise ConfigError(
            f"Unsupported database '{parsed.drivername}'. Use SQLite (sqlite:///PATH) "
            "or PostgreSQL (postgresql://USER:PASSWORD@HOST/DATABASE)."
        )
    return parsed


def to_async_url(url: str) -> str:
    """The URL for the app's async engine (aiosqlite or psycopg 3)."""
    parsed = parse_url(url)
    driver = "sqlite+aiosqlite" if parsed.drivername in _SQLITE_NAMES else "postgresql+psycopg"
    return parsed.set(drivername=driver).render_as_string(hide_password=False)


def to_sync_url(url: str | None) -> str:
    """The URL for a synchronous engine (the ``alembic`` command line)."""
    if not url:
        raise ConfigError("No database URL given.")
    parsed = parse_url(url)
    driver = "sqlite" if parsed.drivername in _SQLITE_NAMES else "postgresql+psycopg"
    return parsed.set(drivername=driver).render_as_string(hide_password=False)


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def is_sqlite(url: str) -> bool:
    return parse_url(url).drivername in _SQLITE_NAMES


def describe(url: str) -> str:
    """A URL safe to show and log: no password."""
    return _hide_password(url)


def _hide_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@")[-1] if "@" in url else url
