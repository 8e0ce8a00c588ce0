"""``jobagent model set|show|test``: which AI model to use, if any (the default is none)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.agents.providers import (
    CLOUD_PROVIDERS,
    PROVIDERS,
    is_loopback,
    key_name,
    validate_choice,
)
from app.cli.context import CliContext, print_json
from app.core.secrets import SecretStore
from app.core.settings import save_settings


def register(commands: argparse._SubParsersAction) -> None:
    model = commands.add_parser("model", help="the optional AI model: set, show, test")
    sub = model.add_subparsers(dest="model_command", required=True, metavar="COMMAND")

    choose = sub.add_parser("set", help="choose the provider and model (none: offline only)")
    choose.add_argument(
        "provider", metavar="PROVIDER", choices=list(PROVIDERS), help=", ".join(PROVIDERS)
    )
    choose.add_argument("--model", help="the model's name, e.g. gpt-4o-mini, llama3.1")
    choose.add_argument(
        "--base-url",
        metavar="URL",
        help="an OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1",
    )
    choose.add_argument(
        "--output-mode",
        choices=["auto", "tool", "native", "prompted"],
        help="how structured answers are asked for (default: auto)",
    )
    choose.set_defaults(handler=set_model)

    show = sub.add_parser("show", help="show the model in use and its key's state")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=show_model)

    test = sub.add_parser("test", help="send one tiny request and report the result")
    test.add_argument("--json", action="store_true", help="print JSON")
    test.set_defaults(handler=test_model)


def describe_model(settings: Any, secrets: SecretStore) -> dict[str, Any]:
    chosen = settings.model
    if chosen.provider == "none":
        key = "not needed"
    elif secrets.get(key_name(chosen.provider)):
        key = "stored in the OS keyring"
    else:
        key = "missing" if chosen.provider in CLOUD_PROVIDERS else "none (optional)"
    local = chosen.provider == "openai-compatible" and is_loopback(chosen.base_url)
    privacy = settings.privacy
    redacting = chosen.provider != "none" and (not local or privacy.redact_for_local_models)
    return {
        "provider": chosen.provider,
        "model": chosen.model,
        "base_url": chosen.base_url,
        "output_mode": chosen.output_mode,
        "local": local,
        "key": key,
        "redaction": "on" if redacting else "off (local model)" if local else "n/a",
        "budget": {
            "requests": settings.agents.budget_requests,
            "tokens": settings.agents.budget_tokens,
        },
    }


async def set_model(ctx: CliContext) -> int:
    args = ctx.args
    chosen = validate_choice(args.provider, args.model, args.base_url)
    if args.output_mode:
        chosen.output_mode = args.output_mode
    ctx.settings.model = chosen
    save_settings(ctx.settings, ctx.paths.settings_file)
    if chosen.provider == "none":
        print("No AI model: the app works offline.")
        return 0
    where = f" at {chosen.base_url}" if chosen.base_url else ""
    print(f"Model set: {chosen.provider}:{chosen.model}{where}.")
    if chosen.provider == "openai-compatible" and is_loopback(chosen.base_url):
        print(
            "It runs on this machine, so personal data is not removed before sending "
            "(switch privacy.redact_for_local_models on to remove it anyway)."
        )
    if chosen.provider in CLOUD_PROVIDERS and not SecretStore().get(key_name(chosen.provider)):
        print(f"Store its key with: jobagent keys set {chosen.provider}")
    return 0


async def show_model(ctx: CliContext) -> int:
    info = describe_model(ctx.settings, SecretStore())
    if ctx.args.json:
        print_json(info)
        return 0
    if info["provider"] == "none":
        print(
            "No AI model is set: the app works offline. Choose one with "
            "'jobagent model set PROVIDER --model NAME'."
        )
        return 0
    for label, key in (
        ("Provider", "provider"),
        ("Model", "model"),
        ("Base URL", "base_url"),
        ("Output mode", "output_mode"),
        ("Key", "key"),
        ("Redaction", "redaction"),
    ):
        if info[key] is not None:
            print(f"{label + ':':<13}{info[key]}")
    budget = info["budget"]
    print(f"{'Budget:':<13}{budget['requests']} requests, {budget['tokens']} tokens per run")
    return 0


async def test_model(ctx: CliContext) -> int:
    from app.agents.modeltest import check_model

    verdict = await check_model(await ctx.runtime())
    if ctx.args.json:
        print_json(verdict.to_dict())
    elif verdict.ok:
        print(f"ok: {verdict.message}")
    else:
        print(f"error: {verdict.message}", file=sys.stderr)
    return 0 if verdict.ok else 1
