"""``jobagent sources add|list|remove``: the job sources a search fetches (kept in Settings)."""

from __future__ import annotations

import argparse

from app.cli.context import CliContext, print_json, print_table
from app.core.settings import save_settings
from app.search.sources import add_source, entry_key, remove_source
from app.sources import KINDS


def register(commands: argparse._SubParsersAction) -> None:
    sources = commands.add_parser("sources", help="the job boards and feeds to search")
    sub = sources.add_subparsers(dest="sources_command", required=True, metavar="COMMAND")
    add = sub.add_parser(
        "add",
        help="add a source",
        description=f"Add a source given as KIND:ID; KIND is one of {', '.join(KINDS)}.",
    )
    add.add_argument("spec", metavar="KIND:ID", help="e.g. greenhouse:acme, lever:globex")
    add.add_argument("--base-url", metavar="URL", help="another API host (a proxy, Lever EU)")
    add.add_argument("--name", help="display name (also the company when the board has none)")
    add.set_defaults(handler=add_cmd)
    listing = sub.add_parser("list", help="list the sources")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=list_cmd)
    remove = sub.add_parser("remove", help="remove a source (its jobs are kept)")
    remove.add_argument("ident", metavar="ID", help="the source's KIND:ID or its number in list")
    remove.set_defaults(handler=remove_cmd)


async def add_cmd(ctx: CliContext) -> int:
    entry = add_source(ctx.settings, ctx.args.spec, base_url=ctx.args.base_url,
                       name=ctx.args.name)  # fmt: skip
    save_settings(ctx.settings, ctx.paths.settings_file)
    print(f"Added {entry_key(entry)}.")
    return 0


async def list_cmd(ctx: CliContext) -> int:
    entries = ctx.settings.sources
    if ctx.args.json:
        print_json([
            {"position": n, "key": entry_key(e), "kind": e.kind, "id": e.id, "name": e.name,
             "base_url": e.base_url, "enabled": e.enabled}
            for n, e in enumerate(entries, 1)
        ])  # fmt: skip
        return 0
    if not entries:
        print("No sources yet. Add one with: jobagent sources add KIND:ID")
        return 0
    rows = [[n, entry_key(e), e.name or "", e.base_url or "", "yes" if e.enabled else "no"]
            for n, e in enumerate(entries, 1)]  # fmt: skip
    print_table(rows, ["#", "SOURCE", "NAME", "BASE URL", "ENABLED"])
    return 0


async def remove_cmd(ctx: CliContext) -> int:
    entry = remove_source(ctx.settings, ctx.args.ident)
    save_settings(ctx.settings, ctx.paths.settings_file)
    print(f"Removed {entry_key(entry)}. Jobs already found there are kept.")
    return 0
