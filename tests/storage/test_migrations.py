"""Alembic is the only schema master: every migration goes up and down, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from app.storage import migrate
from app.storage.database import Database
from app.storage.models import Base

pytestmark = pytest.mark.asyncio


def revisions_oldest_first() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


async def table_names(db: Database) -> set[str]:
    async with db.engine.connect() as conn:
        return set(await conn.run_sync(lambda c: inspect(c).get_table_names()))


async def walk_up_and_down(url: str) -> None:
    db = await Database.open(url, check_schema=False)
    try:
        for revision in revisions_oldest_first():
            await db.upgrade(revision)
            assert await db.current_revision() == revision
        assert set(Base.metadata.tables) <= await table_names(db)
        for revision in reversed(revisions_oldest_first()[:-1]):
            await db.downgrade(revision)
            assert await db.current_revision() == revision
        await db.downgrade("base")
        assert await db.current_revision() is None
        assert not (set(Base.metadata.tables) & await table_names(db))
        await db.upgrade("head")
        assert await db.current_revision() == migrate.head_revision()
    finally:
        await db.close()


async def test_one_head():
    assert migrate.head_revision() in revisions_oldest_first()


async def test_sqlite_every_migration_up_and_down(tmp_path):
    await walk_up_and_down(f"sqlite:///{tmp_path / 'm.sqlite3'}")


async def test_postgres_every_migration_up_and_down(postgres):
    await walk_up_and_down(postgres.owner_url)


async def test_models_match_migrations(tmp_path):
    """Autogenerate finds nothing to do: the models and migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    db = await Database.open(f"sqlite:///{tmp_path / 'diff.sqlite3'}")
    try:
        async with db.engine.connect() as conn:
            diff = await conn.run_sync(
                lambda c: compare_metadata(MigrationContext.configure(c), Base.metadata)
            )
    finally:
        await db.close()
    assert diff == []
