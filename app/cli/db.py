"""``jobagent db upgrade|current|grant``: the schema, run by its owner."""

from __future__ import annotations

import argparse
import re

from sqlalchemy import text

from app.cli.context import CliContext
from app.core.errors import ConfigError, DatabaseError
from app.runtime import resolve_database_url
from app.storage import migrate
from app.storage.database import Database, explain
from app.storage.urls import describe

_ROLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]{0,62}$")


def register(commands: argparse._SubParsersAction) -> None:
    db = commands.add_parser("db", help="database schema: upgrade, current, grant")
    sub = db.add_subparsers(dest="db_command", required=True, metavar="COMMAND")

    upgrade = sub.add_parser("upgrade", help="migrate the schema to the newest version")
    upgrade.add_argument("--url", help="database URL of the schema owner (default: the app's)")
    upgrade.add_argument("--revision", default="head", help="target revision (default: head)")
    upgrade.set_defaults(handler=upgrade_schema)

    current = sub.add_parser("current", help="show the schema version")
    current.add_argument("--url", help="database URL (default: the app's)")
    current.set_defaults(handler=show_current)

    grant = sub.add_parser(
        "grant", help="let an app role read and write rows (and nothing more), now and later"
    )
    grant.add_argument("--url", required=True, help="PostgreSQL URL of the schema owner")
    grant.add_argument("--app-role", required=True, help="the role the app connects as")
    grant.set_defaults(handler=grant_app_role)


def _target_url(ctx: CliContext) -> str:
    return ctx.args.url or resolve_database_url(ctx.paths, ctx.settings, ctx.args.db)


async def upgrade_schema(ctx: CliContext) -> int:
    db = await Database.open(_target_url(ctx), check_schema=False)
    try:
        before = await db.current_revision()
        await db.upgrade(ctx.args.revision)
        after = await db.current_revision()
    finally:
        await db.close()
    if before == after:
        print(f"{db.display_url}: already at {after}.")
    else:
        print(f"{db.display_url}: upgraded from {before or 'empty'} to {after}.")
    return 0


async def show_current(ctx: CliContext) -> int:
    db = await Database.open(_target_url(ctx), check_schema=False)
    try:
        current = await db.current_revision()
    finally:
        await db.close()
    head = migrate.head_revision()
    state = "up to date" if current == head else "behind: run jobagent db upgrade"
    print(f"{db.display_url}: schema {current or 'none'} (newest {head}): {state}")
    return 0


def grant_statements(database: str, role: str, quote) -> list[str]:  # type: ignore[no-untyped-def]
    """Rows only: read and write now and for tables made later; no CREATE, no TEMP."""
    r, d = quote(role), quote(database)
    return [
        f"REVOKE ALL ON DATABASE {d} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {d} TO {r}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"REVOKE CREATE ON SCHEMA public FROM {r}",
        f"GRANT USAGE ON SCHEMA public TO {r}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {r}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {r}",
    ]


async def grant_app_role(ctx: CliContext) -> int:
    role = ctx.args.app_role
    if not _ROLE_NAME.match(role):
        raise ConfigError(f"'{role}' is not a valid PostgreSQL role name.")
    db = await Database.open(ctx.args.url, check_schema=False)
    try:
        if db.is_sqlite:
            raise ConfigError("db grant is for PostgreSQL; SQLite has no roles.")
        async with db.engine.begin() as conn:
            found = await conn.scalar(
                text("SELECT rolsuper FROM pg_roles WHERE rolname = :r"), {"r": role}
            )
            if found is None:
                raise DatabaseError(
                    f"Role '{role}' does not exist. Create it first: "
                    f"CREATE ROLE {role} LOGIN PASSWORD '...';"
                )
            database = await conn.scalar(text("SELECT current_database()"))
            quote = conn.dialect.identifier_preparer.quote
            try:
                for statement in grant_statements(database, role, quote):
                    await conn.exec_driver_sql(statement)
            except Exception as exc:
                raise DatabaseError(f"Granting failed: {explain(exc)}") from exc
    finally:
        await db.close()
    print(
        f"{describe(ctx.args.url)}: role '{role}' may now read and write rows, "
        "and cannot create, alter or drop anything."
    )
    if found:
        print(
            f"warning: '{role}' is a superuser, so it can still do anything. "
            "Use an ordinary role for the app."
        )
    return 0
