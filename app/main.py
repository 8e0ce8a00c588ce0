"""The single entry point: ``jobagent`` and ``python -m app``.

This is the only place in the app that starts an event loop: ``qasync.run``
for the window (one loop from start to quit), ``run_loop`` for a CLI command
or the self-test (one loop for the process).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Coroutine
from typing import Any


def main(argv: list[str] | None = None) -> int:
    from app.cli.app import build_parser, run_cli, wants_window

    argv = sys.argv[1:] if argv is None else argv
    window, args = wants_window(argv)
    if args.home:
        os.environ["JOBAGENT_HOME"] = args.home
    if args.self_test:
        return run_self_test()
    if window and "-h" not in argv and "--help" not in argv:
        return run_gui(args)
    args = build_parser().parse_args(argv)
    if args.command is None:
        return run_gui(args)
    try:
        code = run_loop(run_cli(args))
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _reader_gone()


def _reader_gone() -> int:
    """The reader of our output closed it (``jobagent jobs list --json | head``): stop
    quietly, as Unix tools do, with the status of a process ended by SIGPIPE. Standard
    output is pointed at the null device so the flush at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 128 + 13  # SIGPIPE


def run_gui(args) -> int:  # type: ignore[no-untyped-def]
    """Qt is imported only here and in app/ui, and only when the window is wanted."""
    from app.ui.application import create_qapp, gui_main, show_window

    qapp = create_qapp()
    window = show_window(qapp, args)  # on screen before asyncio is even imported
    import qasync  # after PySide6, so qasync picks that binding

    return qasync.run(gui_main(qapp, window, args))


def run_self_test() -> int:
    """``--self-test``: the checks run in this process's one loop (the window in a child)."""
    from app.selftest import run_self_test as self_test

    return run_loop(self_test())


def run_loop(coroutine: Coroutine[Any, Any, int]) -> int:
    """The one asyncio loop of a CLI command or the self-test, from start to exit."""
    import asyncio

    return asyncio.run(coroutine)
