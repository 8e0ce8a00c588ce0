"""Parse the command line and run one command inside the process's one event loop."""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import TYPE_CHECKING

from app import APP_NAME, __version__
from app.core.paths import HOME_ENV

if TYPE_CHECKING:
    from app.cli.context import CliContext

#: Each module has ``register(subparsers)``; features add theirs here.
#: Listed in the order of the help text. ``app.cli.agents`` adds ``enrich`` to the
#: ``profile`` group, so it must come after ``app.cli.profile``.
COMMANDS = [
    "app.cli.profile",
    "app.cli.sources",
    "app.cli.search",
    "app.cli.jobs",
    "app.cli.runs",
    "app.cli.model",
    "app.cli.keys",
    "app.cli.agents",
    "app.cli.db",
]


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors say how to get help (exit code 2, as argparse does)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\nTry '{self.prog} --help'.\n")


def build_global_parser(*, add_help: bool = True) -> argparse.ArgumentParser:
    """The options that also apply to the window; cheap to build (no command modules)."""
    parser = _Parser(
        prog="jobagent",
        add_help=add_help,
        description=f"{APP_NAME}. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"jobagent {__version__}")
    parser.add_argument(
        "--home", metavar="DIR", help=f"keep data, settings and logs under DIR (same as {HOME_ENV})"
    )
    parser.add_argument("--db", metavar="URL", help="database URL (same as JOBAGENT_DATABASE_URL)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr too")
    parser.add_argument("--self-test", action="store_true", help="check this installation and exit")
    return parser


def wants_window(argv: list[str]) -> tuple[bool, argparse.Namespace]:
    """True when no command is given: the window opens without importing any command."""
    args, rest = build_global_parser(add_help=False).parse_known_args(argv)
    return not rest, args


def build_parser() -> argparse.ArgumentParser:
    parser = build_global_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module_name in COMMANDS:
        importlib.import_module(module_name).register(commands)
    return parser


async def run_cli(args: argparse.Namespace) -> int:
    """Run the chosen command; user mistakes become one line on stderr and exit code 1."""
    import logging

    from app.cli.context import CliContext
    from app.core.errors import UserError
    from app.core.logs import setup_logging
    from app.core.paths import app_paths
    from app.core.settings import load_settings

    ctx: CliContext | None = None
    try:
        paths = app_paths(args.home).ensure()
        setup_logging(
            paths.log_file,
            level=logging.DEBUG if args.verbose else logging.INFO,
            console=args.verbose,
        )
        ctx = CliContext(args=args, paths=paths, settings=load_settings(paths.settings_file))
        return await args.handler(ctx)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        raise  # the reader went away (``| head``): ``app.main`` ends quietly
    except Exception as exc:
        logging.getLogger(__name__).exception("command failed")
        print(f"error: unexpected {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        if ctx is not None:
            await ctx.close()
