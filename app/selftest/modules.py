"""Modules the app imports by name at run time, which a freezer cannot see in the source.

The one list of them: the PyInstaller spec makes them hidden imports, the
build's verifier checks they are inside the bundle, and the self-test imports
each one, so a module that is present but cannot load fails too.
"""

from __future__ import annotations

import sys

#: Imported lazily, by a database URL, a provider name or a plugin registry.
LAZY_MODULES: tuple[str, ...] = (
    # Database URLs name their driver: sqlite+aiosqlite, postgresql+psycopg.
    "sqlalchemy.dialects.sqlite.aiosqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "sqlalchemy.ext.asyncio",
    "aiosqlite",
    "greenlet",
    "psycopg",
    "psycopg_binary",
    # Migrations are loaded from files by Alembic, which then imports these.
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
    "alembic.op",
    "alembic.context",
    "mako.template",
    # The model providers, chosen in Settings.
    "pydantic_ai",
    "pydantic_ai.models.openai",
    "pydantic_ai.models.google",
    "pydantic_ai.models.anthropic",
    "pydantic_ai.providers.openai",
    "pydantic_ai.providers.google",
    "pydantic_ai.providers.anthropic",
    "pydantic_ai.providers.ollama",
    "httpx",
    "httpx2",
    # Keyring backends are found through entry points.
    "keyring.backends.chainer",
    "keyring.backends.fail",
    "keyring.backends.null",
    # CV readers.
    "pypdfium2",
    "pypdfium2_raw",
    "docx",
)

#: Keyring backends that can only load on their own platform.
_PLATFORM_KEYRING = {
    "linux": ("keyring.backends.SecretService", "secretstorage", "jeepney"),
    "darwin": ("keyring.backends.macOS",),
    "win32": ("keyring.backends.Windows",),
}


def lazy_modules(platform: str = sys.platform) -> tuple[str, ...]:
    """``LAZY_MODULES`` plus the keyring backends of ``platform``."""
    key = "linux" if platform.startswith("linux") else platform
    return LAZY_MODULES + _PLATFORM_KEYRING.get(key, ())
