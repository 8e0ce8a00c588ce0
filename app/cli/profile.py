"""``jobagent profile``: import CVs, show the profile, export it as a JSON Resume, rebuild it.

``import`` takes PDF, DOCX, TXT and Markdown CVs and JSON Resume files
(``.json``); ``import-json-resume`` is the same command under the name the
issue uses. ``enrich`` joins this group from ``app.cli.agents`` (listed after
this module in ``COMMANDS``).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli.context import CliContext, print_json
from app.core.errors import UserError

#: What ``--json`` prints beyond the profile's own fields.
_FIELDS = (
    "name", "email", "phone", "location", "headline", "links", "profile_text", "summary",
    "years_experience", "skills", "experience", "education", "certifications", "languages",
    "references", "suggested_job_titles", "conflicts", "provenance", "user_overrides",
)  # fmt: skip


def register(commands: argparse._SubParsersAction) -> None:
    profile = commands.add_parser("profile", help="your profile: import CVs, show, export")
    sub = profile.add_subparsers(dest="profile_command", required=True, metavar="COMMAND")
    for name, help_text in (
        ("import", "import CV files (PDF, DOCX, TXT, Markdown, JSON Resume) and rebuild"),
        ("import-json-resume", "import JSON Resume files (same as 'import')"),
    ):
        importing = sub.add_parser(name, help=help_text)
        importing.add_argument("files", nargs="+", type=Path, metavar="FILE")
        importing.add_argument(
            "--password", metavar="PW",
            help="password of encrypted PDFs; '-' asks for it (or reads it from a pipe), "
                 "so it stays out of your shell history",
        )  # fmt: skip
        importing.add_argument("--json", action="store_true", help="print JSON")
        importing.set_defaults(handler=import_files)
    rebuild = sub.add_parser("rebuild", help="build the profile again from the stored CVs")
    rebuild.add_argument("--json", action="store_true", help="print JSON")
    rebuild.set_defaults(handler=rebuild_profile)
    show = sub.add_parser("show", help="show the stored profile")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=show_profile)
    export = sub.add_parser("export", help="export the profile (JSON Resume 1.0)")
    export.add_argument("--format", choices=["json-resume"], default="json-resume")
    export.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="write to FILE (default: print)")  # fmt: skip
    export.set_defaults(handler=export_profile)


async def import_files(ctx: CliContext) -> int:
    password = ctx.args.password
    if password == "-":
        password = await asyncio.to_thread(_read_password)
    return await _run(ctx, ctx.args.files, password)


def _read_password() -> str:
    """``--password -``: asked without echo on a terminal, else the first line of stdin."""
    if sys.stdin.isatty():
        password = getpass.getpass("Password of the encrypted PDF: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise UserError("No password given on standard input.")
    return password


async def rebuild_profile(ctx: CliContext) -> int:
    return await _run(ctx, [], None)


async def _run(ctx: CliContext, files: list[Path], password: str | None) -> int:
    from app.workflows.profiling import ProfilingWorkflow

    runtime = await ctx.runtime()
    workflow = ProfilingWorkflow(files, password=password)
    run = await runtime.runner.run(workflow, user_id=runtime.user_id)
    result = workflow.result
    if files and not result.imported:
        raise UserError(_nothing_imported(result.failures, password))
    if run.status != "succeeded":
        raise UserError(run.error_message or f"Profiling {run.status}.")
    if ctx.args.json:
        print_json({
            "run_id": run.id,
            **profile_json(result.profile, result.documents, list(run.warnings or [])),
            "failures": [asdict(f) for f in result.failures],
            "imported": [{"file": str(i.path), "document_id": i.document.id,
                          "status": "already imported" if i.reused else "imported"}
                         for i in result.imported],
            "saved": result.saved,
            "enriched": result.enriched,
        })  # fmt: skip
        return 0
    for note in result.notes:
        print(note)
    if result.saved:
        print(f"Profile saved (version {result.profile.get('profile_version')}) from "
              f"{len(result.documents)} document(s).")  # fmt: skip
    else:
        print(f"The profile is unchanged ({len(result.documents)} document(s)).")
    print()
    _print_profile(result.profile, result.documents)
    _warn(list(run.warnings or []))
    return 0


def _nothing_imported(failures: list[Any], password: str | None) -> str:
    if len(failures) == 1:
        failure = failures[0]
        hint = " Give it with --password -." if failure.needs_password and not password else ""
        return failure.message + hint
    return f"None of the {len(failures)} files could be imported: " + " ".join(
        f.message for f in failures
    )


async def show_profile(ctx: CliContext) -> int:
    profile, documents = await _stored(ctx)
    if ctx.args.json:
        print_json(profile_json(profile, documents, list(profile.get("warnings") or [])))
        return 0
    if not _has_profile(profile):
        print("No profile yet. Import your CV: jobagent profile import FILE")
        return 0
    _print_profile(profile, documents)
    _warn(list(profile.get("warnings") or []))
    return 0


async def export_profile(ctx: CliContext) -> int:
    from app.profiling.json_resume import to_json_resume

    profile, _ = await _stored(ctx)
    if not _has_profile(profile):
        raise UserError("There is no profile to export yet: import a CV first "
                        "(jobagent profile import FILE).")  # fmt: skip
    text = json.dumps(to_json_resume(profile), indent=2, ensure_ascii=False) + "\n"
    output: Path | None = ctx.args.output
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        await asyncio.to_thread(output.write_text, text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"Cannot write {output}: {exc.strerror or exc}.") from exc
    print(f"Saved your profile as a JSON Resume to {output}.")
    return 0


# ---- shapes


async def _stored(ctx: CliContext) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from app.documents.store import DocumentStore
    from app.storage.profiles import load_profile

    runtime = await ctx.runtime()
    profile = await load_profile(runtime.db, runtime.user_id)
    store = DocumentStore(runtime.db, runtime.paths.documents, runtime.user_id)
    return profile, [d.to_dict() for d in await store.all()]


def _has_profile(profile: dict[str, Any]) -> bool:
    return bool(profile.get("documents") or profile.get("skills") or profile.get("experience")
                or profile.get("name"))  # fmt: skip


def profile_json(
    profile: dict[str, Any], documents: list[dict[str, Any]], warnings: list[str]
) -> dict[str, Any]:
    """The profile as ``--json`` prints it; ``documents`` joins the stored rows with what the
    profile knows of each (pages, notes)."""
    out = {name: profile.get(name) for name in _FIELDS}
    for name in ("links", "skills", "experience", "education", "certifications", "languages",
                 "suggested_job_titles", "conflicts"):  # fmt: skip
        out[name] = out[name] or []
    by_id = {d.get("document_id"): d for d in profile.get("documents") or []}
    out["documents"] = [
        {**stored, "pages": by_id.get(stored["id"], {}).get("pages"),
         "warnings": by_id.get(stored["id"], {}).get("warnings", [])}
        for stored in documents
    ]  # fmt: skip
    out["warnings"] = warnings
    out["profile_version"] = profile.get("profile_version")
    return out


def _print_profile(profile: dict[str, Any], documents: list[dict[str, Any]]) -> None:
    for label, key in (("Name", "name"), ("Headline", "headline"), ("Email", "email"),
                       ("Phone", "phone"), ("Location", "location")):  # fmt: skip
        if profile.get(key):
            print(f"{label + ':':<12}{profile[key]}")
    for link in profile.get("links") or []:
        print(f"{'Link:':<12}{link.get('url')}")
    if profile.get("years_experience") is not None:
        print(f"{'Experience:':<12}{profile['years_experience']:g} years")
    skills = [s.get("name", "") for s in profile.get("skills") or []]
    if skills:
        shown = ", ".join(skills[:20]) + (f", … ({len(skills)} in all)" if len(skills) > 20 else "")
        print(f"{'Skills:':<12}{shown}")
    titles = profile.get("suggested_job_titles") or []
    if titles:
        print("\nSuggested job titles:")
        for title in titles[:8]:
            print(f"  - {title.get('title')} ({_score(title.get('score'))}): {title.get('reason')}")
    if profile.get("profile_text"):
        print(f"\nSummary:\n  {profile['profile_text']}")
    conflicts = profile.get("conflicts") or []
    if conflicts:
        print("\nConflicts:")
        for conflict in conflicts:
            print(f"  - {conflict.get('message')}")
    if documents:
        print("\nDocuments:")
        for doc in documents:
            print(f"  {doc['id']:>3}  {doc['filename']}  ({doc['media_type']}, "
                  f"{doc['size_bytes']} bytes)")  # fmt: skip


def _score(score: Any) -> str:
    return f"{score * 100:.0f}%" if isinstance(score, int | float) else str(score)


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
