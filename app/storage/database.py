"""The database handle: one async engine per process, opened inside the running loop.

SQLite (the default, a file in the user's data folder) is upgraded to the
newest schema at start. PostgreSQL is never migrated by the app: the app
connects as a role that can only read and write rows, and refuses to start
when the schema is not the one it was built for.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import event
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from app.core.errors import ConfigError, DatabaseError, SchemaBehindError
from app.storage import migrate
from app.storage.urls import describe, is_sqlite, to_async_url

log = logging.getLogger(__name__)

UPGRADE_HINT = "jobagent db upgrade --url ADMIN_URL"


class Database:
    """The engine and a session factory. Create with ``await Database.open(url)``."""

    def __init__(self, engine: AsyncEngine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.sessions = async_sessionmaker(engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_url(self) -> str:
        return describe(self.url)

    @classmethod
    async def open(
        cls, url: str, *, upgrade_sqlite: bool = True, check_schema: bool = True
    ) -> Database:
        """Connect, then bring SQLite to head or check that PostgreSQL is at head."""
        db = cls(create_engine(url), url)
        try:
            await db.ping()
            if check_schema:
                if db.is_sqlite and upgrade_sqlite:
                    await db.upgrade()
                else:
                    await db.require_head()
        except BaseException:
            await db.close()
            raise
        return db

    async def close(self) -> None:
        await self.engine.dispose()

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session that commits on success and rolls back on error."""
        async with self.sessions() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise

    async def ping(self) -> None:
        try:
            async with self.engine.connect() as conn:
                await conn.exec_driver_sql("SELECT 1")
        except (OperationalError, DBAPIError, OSError) as exc:
            raise DatabaseError(
                f"Cannot connect to the database {self.display_url}: {explain(exc)}"
            ) from exc

    async def current_revision(self) -> str | None:
        async with self.engine.connect() as conn:
            return await conn.run_sync(migrate.current_revision)

    async def upgrade(self, target: str = "head") -> None:
        try:
            async with self.engine.begin() as conn:
                await conn.run_sync(migrate.upgrade, target)
        except DBAPIError as exc:
            raise DatabaseError(f"Upgrading the schema failed: {explain(exc)}") from exc

    async def downgrade(self, target: str) -> None:
        async with self.engine.begin() as conn:
            await conn.run_sync(migrate.downgrade, target)

    async def require_head(self) -> None:
        current, head = await self.current_revision(), migrate.head_revision()
        if current == head:
            return
        if current is not None and current not in migrate.known_revisions():
            raise SchemaBehindError(
                f"The database {self.display_url} has schema {current}, which is newer than this "
                f"app knows (newest: {head}). Update the app."
            )
        raise SchemaBehindError(
            f"The database {self.display_url} has schema {current or 'none'} but this app needs "
            f"{head}. Ask the database owner to run: {UPGRADE_HINT}"
        )


def create_engine(url: str) -> AsyncEngine:
    try:
        async_url = to_async_url(url)
        if is_sqlite(url):
            engine = create_async_engine(async_url, connect_args={"timeout": 30})
            event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
            return engine
        return create_async_engine(
            async_url, pool_pre_ping=True, pool_size=5, connect_args={"connect_timeout": 10}
        )
    except ModuleNotFoundError as exc:
        raise ConfigError(
            "PostgreSQL support is not installed. Install the app with its 'postgres' extra "
            "(pip install 'jobagent-desktop[postgres]')."
        ) from exc
    except ArgumentError as exc:
        raise ConfigError(f"Bad database URL {describe(url)}: {exc}") from exc


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    """WAL lets the UI read while a run writes; foreign keys are off in SQLite by default."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def explain(exc: BaseException) -> str:
    """The driver's own words, first line only: 'password authentication failed for user x'."""
    inner = getattr(exc, "orig", None) or exc
    text = str(inner).strip() or type(inner).__name__
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:  # psycopg puts the useful FATAL line after a connection preamble
        if "FATAL:" in line:
            return line.split("FATAL:", 1)[1].strip()
    return lines[0] if lines else type(inner).__name__
