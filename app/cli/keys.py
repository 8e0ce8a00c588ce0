"""``jobagent keys set|delete PROVIDER``: API keys, in the OS keyring and nowhere else."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

from app.agents.providers import KEY_PROVIDERS, check_provider, key_name
from app.cli.context import CliContext
from app.core.errors import UserError
from app.core.secrets import SecretStore

T = TypeVar("T")


def register(commands: argparse._SubParsersAction) -> None:
    keys = commands.add_parser("keys", help="API keys for model providers (OS keyring)")
    sub = keys.add_subparsers(dest="keys_command", required=True, metavar="COMMAND")
    store = sub.add_parser(
        "set", help="store a key: asked for without echo, or read from stdin when piped"
    )
    store.add_argument("provider", metavar="PROVIDER", help=", ".join(KEY_PROVIDERS))
    store.set_defaults(handler=set_key)
    forget = sub.add_parser("delete", help="forget a provider's key")
    forget.add_argument("provider", metavar="PROVIDER", help=", ".join(KEY_PROVIDERS))
    forget.set_defaults(handler=delete_key)


async def ask_in_thread(read: Callable[[], T]) -> T:
    """Run a blocking terminal read without blocking the loop.

    A daemon thread, not the loop's executor: if the command is interrupted
    while the user has not answered, the process can still exit.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def target() -> None:
        try:
            value = read()
        except BaseException as exc:  # EOFError, KeyboardInterrupt: hand them to the loop
            loop.call_soon_threadsafe(_settle, future, None, exc)
        else:
            loop.call_soon_threadsafe(_settle, future, value, None)

    threading.Thread(target=target, name="terminal-read", daemon=True).start()
    return await future


def _settle(future: asyncio.Future, value: object, exc: BaseException | None) -> None:
    if future.done():
        return
    if exc is not None:
        future.set_exception(exc)
    else:
        future.set_result(value)


def _read_key(provider: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(f"API key for {provider} (not shown): ")
    return sys.stdin.readline()


async def set_key(ctx: CliContext) -> int:
    provider = check_provider(ctx.args.provider, keys=True)
    try:
        key = (await ask_in_thread(lambda: _read_key(provider))).strip()
    except EOFError:
        key = ""
    if not key:
        raise UserError("No key was given, so nothing was stored.")
    secrets = SecretStore()
    if not secrets.set(key_name(provider), key):
        raise UserError(
            "No OS keyring is available, so the key cannot be kept after this command. "
            "Install and unlock a keyring (GNOME Keyring, KWallet, macOS Keychain, Windows "
            "Credential Locker), or enter the key in the window's Settings for this session."
        )
    print(f"Stored the {provider} key in the OS keyring.")
    return 0


async def delete_key(ctx: CliContext) -> int:
    provider = check_provider(ctx.args.provider, keys=True)
    if SecretStore().delete(key_name(provider)):
        print(f"Deleted the {provider} key.")
    else:
        print(f"There was no stored key for {provider}.")
    return 0
