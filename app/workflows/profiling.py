"""Profiling as a run: import CV files, rebuild the profile from every stored CV, save it.

``ProfilingWorkflow(files, password=None)``; steps extract, parse,
skills_and_titles, summarize, save. ``extract`` imports the given files (a
file that fails is reported in ``result.failures`` and as a warning, and the
others still count) and loads all the user's stored documents; the run fails
only when not one document can be read. ``save`` stores the profile with the
user's own edits on top (``app.documents.stored_profile``), then lets the AI
model improve it when one is configured (a model failure is only a warning).
With no files, the stored documents are profiled again.

``result`` (a ``ProfilingResult``) is filled as the run goes, so a failed run
still tells the window which files need a password.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import UserError
from app.documents.importer import (
    ImportedFile,
    ImportFailure,
    extract_limits,
    hand_made,
    import_file,
    keep_hand_made,
)
from app.documents.sources import StoredSources, load_sources
from app.documents.store import DocumentStore
from app.documents.stored_profile import (
    apply_overrides,
    profile_data,
    unchanged,
    user_overrides,
)
from app.profiling.errors import DocumentError
from app.profiling.profile import ProfileBuilder
from app.storage.profiles import load_profile, save_profile
from app.workflows.base import StepContext, Workflow

log = logging.getLogger(__name__)


@dataclass
class ProfilingResult:
    """What a profiling run produced.

    Attributes:
        profile: the stored profile after the run (``load_profile``), {} when none was saved.
        failures: the files that could not be imported (``ImportFailure``).
        warnings: the run's warnings (failures, document notes, thin CVs, AI problems).
        imported: the given files that are now stored documents (new or found stored).
        documents: every stored document the profile was built from.
        saved: False when the rebuilt profile equalled the stored one (nothing written).
        enriched: the AI model improved the saved profile.
    """

    profile: dict[str, Any] = field(default_factory=dict)
    failures: list[ImportFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    imported: list[ImportedFile] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    saved: bool = False
    enriched: bool = False


class ProfilingWorkflow(Workflow):
    kind = "profiling"
    steps = ("extract", "parse", "skills_and_titles", "summarize", "save")
    step_labels = {"extract": "Read files", "parse": "Parse", "skills_and_titles":
                   "Skills and titles", "summarize": "Summary", "save": "Save"}  # fmt: skip

    def __init__(self, files: list[Path], password: str | None = None) -> None:
        self.files = [Path(f) for f in files]
        self.password = password or None
        self.result = ProfilingResult()
        self._stored = StoredSources()
        self._builder: ProfileBuilder | None = None
        self._current: dict[str, Any] = {}
        self._overrides: dict[str, str] = {}
        self._offline: dict[str, str | None] = {}

    # ---- steps
    async def step_extract(self, ctx: StepContext) -> None:
        runtime = ctx.runtime
        self.result.warnings = ctx.warnings  # one list: what the Run row keeps
        store = DocumentStore(runtime.db, runtime.paths.documents, _user(ctx))
        limits = extract_limits(runtime.settings.import_limits)
        self._current = await load_profile(runtime.db, _user(ctx))
        if self.files and hand_made(self._current) and not await store.all():
            kept = await keep_hand_made(store, self._current)
            self.result.notes.append(f"Your profile had no CV behind it; it is kept as "
                                     f"“{kept.path.name}” and merged with the CVs.")  # fmt: skip
        total = len(self.files)
        for index, path in enumerate(self.files):
            ctx.progress(f"Reading {path.name} ({index + 1} of {total})", index / total)
            try:
                imported = await import_file(store, path, password=self.password, limits=limits)
            except DocumentError as exc:
                failure = ImportFailure.of(path, exc)
                self.result.failures.append(failure)
                ctx.warn(failure.message)
                continue
            self.result.imported.append(imported)
            for warning in imported.warnings:
                ctx.warn(warning)
            if imported.note and not store.is_stored_copy(path):
                self.result.notes.append(imported.note)
                ctx.progress(imported.note)
        self._stored = await load_sources(store, limits=limits)
        for warning in self._stored.warnings:
            ctx.warn(warning)
        self.result.documents = [d.to_dict() for d in self._stored.documents]
        if not self._stored.sources:
            raise UserError(self._nothing_read())

    async def step_parse(self, ctx: StepContext) -> None:
        ctx.progress(f"Parsing {len(self._stored.sources)} document(s)")
        self._overrides = user_overrides(self._current)
        self._builder = ProfileBuilder(self._stored.sources)
        profile = await asyncio.to_thread(self._builder.parse)
        self._offline = apply_overrides(profile, self._overrides)

    async def step_skills_and_titles(self, ctx: StepContext) -> None:
        assert self._builder is not None
        ctx.progress("Matching skills and job titles")
        await asyncio.to_thread(self._builder.skills_and_titles)

    async def step_summarize(self, ctx: StepContext) -> None:
        assert self._builder is not None
        profile = self._builder.summarize()
        for warning in profile.warnings:
            ctx.warn(warning)

    async def step_save(self, ctx: StepContext) -> None:
        assert self._builder is not None
        runtime, user_id = ctx.runtime, _user(ctx)
        data = profile_data(self._builder.profile, stored=self._current,
                            offline=self._offline, overrides=self._overrides)  # fmt: skip
        if unchanged(data, self._current):
            ctx.progress("The profile is unchanged")
        else:
            await save_profile(runtime.db, user_id, data)
            self.result.saved = True
        self.result.enriched = await self._enrich(ctx)
        self.result.profile = await load_profile(runtime.db, user_id)

    # ---- helpers
    async def _enrich(self, ctx: StepContext) -> bool:
        """The AI model improves the saved profile, when one is set; never fails the run."""
        if ctx.runtime.settings.model.provider == "none":
            return False
        try:
            from app.workflows.enrichment import enrich_after_profiling

            return await enrich_after_profiling(ctx, _user(ctx))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the hook promises not to raise; the offline profile stands
            log.warning("AI enrichment after profiling failed: %r", exc)
            ctx.warn(f"AI enrichment failed ({type(exc).__name__}); the offline profile is kept.")
            return False

    def _nothing_read(self) -> str:
        failures = self.result.failures
        if len(failures) == 1:
            return failures[0].message
        if failures:
            return "No file could be read: " + " ".join(f.message for f in failures)
        return "There is no CV to profile yet: import a CV (PDF, DOCX, TXT or Markdown) first."


def _user(ctx: StepContext) -> int:
    return ctx.user_id if ctx.user_id is not None else ctx.runtime.user_id
