"""``jobagent enrich``, ``review``, ``vibe`` and ``outbound-log``: the optional AI agents."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.context import CliContext, print_json, print_table
from app.core.errors import UserError


def register(commands: argparse._SubParsersAction) -> None:
    _register_profile_enrich(commands)
    enrich = commands.add_parser("enrich")  # unlisted alias of `profile enrich`
    enrich.add_argument("--json", action="store_true", help="print JSON")
    enrich.set_defaults(handler=enrich_profile)

    review = commands.add_parser("review", help="have the AI model review the best-scored jobs")
    review.add_argument("--top", type=int, metavar="K", help="how many jobs (default: settings)")
    review.add_argument("--json", action="store_true", help="print JSON")
    review.set_defaults(handler=review_jobs)

    vibe = commands.add_parser(
        "vibe", help="Vibe Check: a short chat about how you like to work, then your persona"
    )
    vibe.add_argument("--reset", action="store_true", help="start the conversation over")
    vibe.set_defaults(handler=vibe_check)

    log = commands.add_parser("outbound-log", help="what was sent to AI models, and when")
    log.add_argument("--limit", type=int, default=50)
    log.add_argument("--json", action="store_true", help="print JSON")
    log.set_defaults(handler=outbound_log)


def _register_profile_enrich(commands: argparse._SubParsersAction) -> None:
    """``jobagent profile enrich``: into the ``profile`` group if one is registered already
    (``app.cli.profile`` listed before this module in COMMANDS), else into a group of ours."""
    existing = commands.choices.get("profile")
    if existing is None:
        profile = commands.add_parser("profile", help="the profile: enrich")
        sub = profile.add_subparsers(dest="profile_command", required=True, metavar="COMMAND")
    else:
        found = [a for a in existing._actions if isinstance(a, argparse._SubParsersAction)]
        if not found:
            return
        sub = found[0]
    add_enrich_parser(sub)


def add_enrich_parser(sub: argparse._SubParsersAction) -> None:
    """For a ``profile`` command group: ``jobagent profile enrich [--json]``."""
    enrich = sub.add_parser("enrich", help="improve the profile with the AI model")
    enrich.add_argument("--json", action="store_true", help="print JSON")
    enrich.set_defaults(handler=enrich_profile)


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


async def enrich_profile(ctx: CliContext) -> int:
    from app.workflows.enrichment import EnrichmentWorkflow

    runtime = await ctx.runtime()
    workflow = EnrichmentWorkflow()
    run = await runtime.runner.run(workflow, user_id=runtime.user_id)
    if run.status != "succeeded":
        raise UserError(run.error_message or f"Enrichment {run.status}.")
    outcome = workflow.result
    assert outcome is not None
    if ctx.args.json:
        print_json({"run_id": run.id, **outcome.to_dict(), "warnings": run.warnings})
        return 0
    print(f"Profile improved (version {outcome.profile_version}).")
    if outcome.profile_text:
        print(f"\n{outcome.profile_text}\n")
    for title in outcome.titles[:8]:
        print(f"- {title.get('title')}: {title.get('reason', '')}")
    if outcome.added_skills:
        print(f"Added skills: {', '.join(outcome.added_skills)}")
    _warn(run.warnings)
    return 0


async def review_jobs(ctx: CliContext) -> int:
    from app.workflows.review import ReviewWorkflow

    runtime = await ctx.runtime()
    workflow = ReviewWorkflow(top_k=ctx.args.top)
    run = await runtime.runner.run(workflow, user_id=runtime.user_id)
    if run.status != "succeeded":
        raise UserError(run.error_message or f"Review {run.status}.")
    outcome = workflow.result
    assert outcome is not None
    rows: list[dict[str, Any]] = []
    for candidate in workflow.candidates:
        review = outcome.reviews.get(candidate.job_id)
        rows.append({
            "job_id": candidate.job_id,
            "title": candidate.title,
            "company": candidate.company,
            "offline_score": round(candidate.offline_score, 1),
            "review": review,
        })  # fmt: skip
    if ctx.args.json:
        print_json({"run_id": run.id, "jobs": rows, "usage": run.usage, "warnings": run.warnings})
        return 0
    table = []
    for row in rows:
        review = row["review"] or {}
        table.append([
            row["job_id"], review.get("score", "-"), row["offline_score"],
            review.get("verdict", "(offline only)"), row["title"][:50], (row["company"] or "")[:30],
        ])  # fmt: skip
    print_table(table, ["JOB", "AI", "OFFLINE", "VERDICT", "TITLE", "COMPANY"])
    usage = run.usage
    print(
        f"\n{usage.get('model_calls', 0)} model call(s), {usage.get('cache_hits', 0)} from cache, "
        f"{usage.get('total_tokens', 0)} tokens."
    )
    _warn(run.warnings)
    return 0


async def vibe_check(ctx: CliContext) -> int:
    from app.agents.vibe import VibeChat
    from app.cli.keys import ask_in_thread

    runtime = await ctx.runtime()
    chat = VibeChat(runtime)
    if ctx.args.reset:
        await chat.reset()
    history = await chat.messages()
    print("Vibe Check: answer in your own words. Type /done (or end the input) to write "
          "your persona.\n")  # fmt: skip
    for role, text in history:
        print(f"{'you' if role == 'user' else 'coach'}> {text}\n")
    if not history or history[-1][0] == "user":
        await _stream(chat.reply())
    while True:
        line = await ask_in_thread(_read_line)
        if line is None or line.strip().lower() in ("/done", "/quit", "/exit"):
            break
        if line.strip():
            await _stream(chat.reply(line))
    if not any(role == "user" for role, _ in await chat.messages()):
        print("No answers yet, so no persona was written.")
        return 0
    print("Writing your persona…")
    print(f"\n{await chat.write_persona()}\n")
    return 0


def _read_line() -> str | None:
    try:
        return input("you> ")
    except EOFError:
        return None


async def _stream(replies) -> None:  # type: ignore[no-untyped-def]
    sys.stdout.write("coach> ")
    async for piece in replies:
        sys.stdout.write(piece)
        sys.stdout.flush()
    sys.stdout.write("\n\n")
    sys.stdout.flush()


async def outbound_log(ctx: CliContext) -> int:
    from app.agents.outbound import call_to_dict, list_calls

    runtime = await ctx.runtime()
    calls = [call_to_dict(c) for c in await list_calls(runtime.db, limit=ctx.args.limit)]
    if ctx.args.json:
        print_json(calls)
        return 0
    if not calls:
        print("Nothing has been sent to an AI model.")
        return 0
    rows = [
        [
            c["at"][:19].replace("T", " "), c["provider"], c["model"], c["purpose"],
            "local" if c["local"] else c["host"], f"{c['input_tokens']}/{c['output_tokens']}",
            ", ".join(c["sent"]), ", ".join(c["redacted"]) or "-",
            "ok" if c["ok"] else f"failed: {c['error']}",
        ]
        for c in calls
    ]  # fmt: skip
    print_table(rows, ["TIME", "PROVIDER", "MODEL", "PURPOSE", "WHERE", "TOKENS IN/OUT",
                       "SENT", "REDACTED", "RESULT"])  # fmt: skip
    return 0
