"""Alembic environment: the one place that changes the schema.

The app hands in an open connection (``config.attributes["connection"]``)
from its async engine via ``run_sync``, so migrations run on the app's one
event loop. From the ``alembic`` command line a plain synchronous engine is
used instead; no event loop is started here.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from app.storage.models import Base, UtcDateTime
from app.storage.urls import to_sync_url

config = context.config
target_metadata = Base.metadata


def _render_item(type_, obj, autogen_context):  # type: ignore[no-untyped-def]
    """Write the app's UtcDateTime as a plain DateTime, so migrations never import app types."""
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(**kwargs) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        target_metadata=target_metadata, compare_type=True, render_item=_render_item, **kwargs
    )


def run_offline() -> None:
    url = to_sync_url(config.get_main_option("sqlalchemy.url"))
    _configure(url=url, literal_binds=True, render_as_batch=url.startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()


def run_on(connection) -> None:  # type: ignore[no-untyped-def]
    _configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    engine = create_engine(
        to_sync_url(config.get_main_option("sqlalchemy.url")), poolclass=pool.NullPool
    )
    with engine.begin() as conn:
        run_on(conn)
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
