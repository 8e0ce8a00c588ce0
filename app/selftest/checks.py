"""The self-test's checks: each is a coroutine that returns a short detail or raises.

Order matters a little: ``matching`` scores against the profile that
``profile`` built from the bundled sample CVs.
"""

from __future__ import annotations

import asyncio
import importlib
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.paths import HOME_ENV, app_paths, bundle_root, resource_path
from app.selftest.modules import lazy_modules

SAMPLE_CVS = ("sample_cv.pdf", "sample_cv.docx")
SAMPLE_POSTINGS = "postings.json"
#: Skills the sample CV states plainly; the offline profiler must find them.
EXPECTED_SKILLS = ("sql", "python", "excel", "tableau")
#: The sample posting written for the sample CV; it must score highest.
EXPECTED_BEST = "selftest-data-analyst"
#: Same name as ``app.ui.application.EXIT_AFTER_SHOW_ENV`` (app.ui is not imported here: Qt).
EXIT_AFTER_SHOW_ENV = "JOBAGENT_EXIT_AFTER_SHOW"
WINDOW_TIMEOUT_S = 90.0


class CheckFailed(Exception):
    """A check's one-line verdict."""


@dataclass
class SelfTest:
    """What the checks share: the temporary home, and the profile for matching."""

    home: Path
    profile: Any = None


async def check_imports(state: SelfTest) -> str:
    """Every module the app loads by name imports (a present but broken module fails too)."""
    names = lazy_modules()
    broken = await asyncio.to_thread(_import_all, names)
    if broken:
        raise CheckFailed(f"{len(broken)} of {len(names)} cannot be imported: {'; '.join(broken)}")
    from importlib.metadata import entry_points

    import psycopg

    backends = entry_points(group="keyring.backends")
    if not backends:
        raise CheckFailed("keyring has no backends (its package metadata is missing)")
    libpq = psycopg.pq.version()
    return (
        f"{len(names)} lazily imported modules load, libpq {libpq // 10000} "
        f"({psycopg.pq.__impl__}), {len(backends)} keyring backends"
    )


def _import_all(names: tuple[str, ...]) -> list[str]:
    broken = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:
            broken.append(f"{name} ({type(exc).__name__}: {exc})")
    return broken


async def check_database(state: SelfTest) -> str:
    """A fresh SQLite database is migrated to the newest schema by every migration script."""
    from app.storage import migrate
    from app.storage.database import Database

    paths = app_paths(state.home).ensure()
    db = await Database.open(f"sqlite:///{paths.sqlite_file}")
    try:
        current = await db.current_revision()
    finally:
        await db.close()
    head = migrate.head_revision()
    if current != head:
        raise CheckFailed(f"the schema is at {current}, not at the newest ({head})")
    return f"migrated to {current} ({len(migrate.known_revisions())} migrations)"


async def check_profile(state: SelfTest) -> str:
    """The bundled sample CVs (PDF and DOCX) are read and profiled offline."""
    from app.profiling.extract import extract_document_async
    from app.profiling.profile import SourceDocument, build_profile

    docs = []
    for index, name in enumerate(SAMPLE_CVS):
        document = await extract_document_async(resource_path("samples", name))
        docs.append(SourceDocument(document_id=index, filename=name, document=document))
    profile = await asyncio.to_thread(build_profile, docs)
    found = {skill.name.lower() for skill in profile.skills}
    missing = [skill for skill in EXPECTED_SKILLS if skill not in found]
    if missing:
        raise CheckFailed(f"skills not found in the sample CV: {', '.join(missing)}")
    if not profile.suggested_job_titles:
        raise CheckFailed("no job title was suggested for the sample CV")
    state.profile = profile
    top = profile.suggested_job_titles[0].title
    return f"{len(docs)} sample CVs -> {len(profile.skills)} skills, top title {top!r}"


async def check_matching(state: SelfTest) -> str:
    """The bundled sample postings are scored; the one written for the CV comes first."""
    if state.profile is None:
        raise CheckFailed("skipped: the profile check did not produce a profile")
    from app.matching import score_job
    from app.sources import files
    from app.sources.spec import SourceSpec

    path = resource_path("samples", SAMPLE_POSTINGS)
    postings = files.parse(path.read_bytes(), SourceSpec(kind="file", id=str(path)))
    if not postings:
        raise CheckFailed(f"no postings read from {path.name}")
    profile = _match_profile(state.profile)
    ranked = sorted(
        ((score_job(profile, posting).score, posting) for posting in postings),
        key=lambda pair: pair[0],
        reverse=True,
    )
    best_score, best = ranked[0]
    if not best.external_id.endswith(EXPECTED_BEST):
        raise CheckFailed(f"{best.title!r} scored highest ({best_score}), not the data analyst job")
    scores = ", ".join(str(score) for score, _ in ranked)
    return f"{len(postings)} sample postings scored ({scores}), best {best.title!r}"


def _match_profile(profile):  # type: ignore[no-untyped-def]
    """The matcher's view of the profile, built as a search builds it."""
    from app.profiling.taxonomy import load_taxonomy
    from app.search.profile import build_match_profile

    return build_match_profile(profile.model_dump(mode="json"), load_taxonomy()).profile


async def check_window(state: SelfTest) -> str:
    """The main window opens offscreen and the app quits cleanly, in a child process."""
    probe = state.home / "window-shown"
    frozen = getattr(sys, "frozen", False)
    command = [sys.executable] if frozen else [sys.executable, "-m", "app"]
    env = {
        **os.environ,
        HOME_ENV: str(state.home),
        EXIT_AFTER_SHOW_ENV: str(probe),
        "QT_QPA_PLATFORM": "offscreen",
    }
    started = time.time()
    child = await asyncio.create_subprocess_exec(
        *command,
        env=env,
        cwd=None if frozen else str(bundle_root()),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        _, stderr = await asyncio.wait_for(child.communicate(), WINDOW_TIMEOUT_S)
    except TimeoutError:
        child.kill()
        await child.wait()
        raise CheckFailed(f"the window did not close within {WINDOW_TIMEOUT_S:.0f} s") from None
    if child.returncode != 0:
        raise CheckFailed(f"the app exited with {child.returncode}: {_last_line(stderr)}")
    if not probe.exists():
        raise CheckFailed(f"the window was never shown: {_last_line(stderr)}")
    shown = float(probe.read_text(encoding="utf-8")) - started
    return f"shown after {shown:.2f} s, closed with exit code 0"


def _last_line(stderr: bytes) -> str:
    lines = [line for line in stderr.decode(errors="replace").splitlines() if line.strip()]
    return lines[-1].strip() if lines else "(nothing on stderr)"


CHECKS = (
    ("imports", check_imports),
    ("database", check_database),
    ("profile", check_profile),
    ("matching", check_matching),
    ("window", check_window),
)
