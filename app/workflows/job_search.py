"""The job search: fetch the enabled sources, de-duplicate, score against the profile, save.

Steps (the window's stepper shows them): plan, fetch, normalise, score, save. A failing
source never fails the run: it succeeds with one warning per failed source. Cancelling
at any point leaves the database as it was before the run (the save is one transaction).
When a model is configured, the AI match review runs at the end of ``save``; it never
fails the search. The rules for what changes are in ``app.search.changes``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.core.errors import UserError
from app.matching import SCORER_NAME, Scorer
from app.search.changes import Changes, compare, distinct, plan_scoring, release
from app.search.gc_quiet import GcQuiet
from app.search.profile import ProfileForMatching, load_match_profile
from app.search.sources import NO_SOURCES, enabled_specs, entry_label
from app.search.summary import FailedSource, SearchSummary
from app.sources import FetchPolicy, FetchReport, SourceProgress, SourceSpec, fetch_all
from app.sources.models import Posting
from app.storage import jobs as job_store
from app.storage.job_listing import best_matches
from app.workflows.base import StepContext, Workflow

if TYPE_CHECKING:
    from app.runtime import Runtime

log = logging.getLogger(__name__)

BEST_MATCHES = 10
EMPTY_PROFILE = (
    "Your profile is empty: scores rest on your preferences and job titles only. "
    "Import a CV for better matches."
)


@dataclass
class _State:
    """What one step hands to the next; dropped at the end so memory is given back."""

    specs: list[SourceSpec] = field(default_factory=list)
    profile: ProfileForMatching | None = None
    scorer: Scorer | None = None
    report: FetchReport | None = None
    postings: list[Posting] = field(default_factory=list)
    stored: dict[job_store.Key, job_store.StoredJob] = field(default_factory=dict)
    changes: Changes | None = None
    matches: list[job_store.MatchWrite] = field(default_factory=list)

    async def release(self) -> None:
        """Let the postings and scores go a slice at a time (see ``changes.release``)."""
        changes = self.changes
        if changes is not None:
            await release(changes.seen, changes.upserts, changes.touch_ids, changes.close_ids)
        await release(self.postings, self.stored, self.matches)


class JobSearchWorkflow(Workflow):
    """``kind`` "search"; ``result`` is a ``SearchSummary``.

    Args:
        specs: fetch these instead of the enabled sources in Settings.
        policy: fetch limits; by default from ``settings.search``.
        review: run the AI match review at the end when a model is configured.
    """

    kind = "search"
    steps = ("plan", "fetch", "normalise", "score", "save")
    step_labels = {"plan": "Plan", "fetch": "Fetch jobs", "normalise": "Normalise",
                   "score": "Score", "save": "Save"}  # fmt: skip

    def __init__(
        self,
        *,
        specs: list[SourceSpec] | None = None,
        policy: FetchPolicy | None = None,
        review: bool = True,
    ) -> None:
        self._specs = specs
        self._policy = policy
        self._review = review
        self._state = _State()
        self._gc = GcQuiet()
        self.result: SearchSummary = SearchSummary()

    async def run_step(self, name: str, ctx: StepContext) -> None:
        """Keep full garbage collections from stalling the loop while the run holds many
        postings; give the collector back when the run ends, however it ends (the task's
        done callback covers a cancel between two steps)."""
        if not self._gc.held:
            self._gc.enter()
            task = asyncio.current_task()
            if task is not None:
                task.add_done_callback(lambda _task: self._finish())
        try:
            await super().run_step(name, ctx)
        except BaseException:
            self._finish()
            raise
        if name == self.steps[-1]:
            self._finish()

    def _finish(self) -> None:
        self._state = _State()
        self._gc.exit()

    # ------------------------------------------------------------------ steps

    async def step_plan(self, ctx: StepContext) -> None:
        runtime, state = ctx.runtime, self._state
        if self._specs is not None:
            state.specs = list(self._specs)
        else:
            state.specs, problems = enabled_specs(runtime.settings)
            for problem in problems:
                ctx.warn(problem)
        if not state.specs:
            raise UserError(NO_SOURCES)
        self.result.sources = len(state.specs)
        state.profile = await load_match_profile(runtime.db, _user(ctx))
        if state.profile.empty:
            self.result.profile_empty = True
            ctx.warn(EMPTY_PROFILE)
        state.scorer = await Scorer.create(state.profile.profile)
        ctx.progress(f"{len(state.specs)} sources to search", 1.0)

    async def step_fetch(self, ctx: StepContext) -> None:
        runtime, state = ctx.runtime, self._state
        cache_dir = runtime.paths.cache / "sources"
        cache_dir.mkdir(parents=True, exist_ok=True)

        def on_progress(event: SourceProgress) -> None:
            label = entry_label(event.spec)
            if event.state == "started":
                text = f"Fetching {label}…"
            elif event.state == "done":
                text = f"{label}: {event.postings} postings"
            else:
                text = f"{label} failed: {event.error}"
            ctx.progress(text, event.finished / max(event.total, 1))

        report = await fetch_all(
            runtime.http,
            state.specs,
            on_progress=on_progress,
            cache_dir=cache_dir,
            policy=self._policy or policy_from_settings(runtime),
        )
        for spec, reason in report.failures:
            self.result.failed_sources.append(FailedSource(spec.key, entry_label(spec), reason))
            ctx.warn(f"Source {entry_label(spec)} failed: {reason}")
        for spec, message in report.warnings:
            ctx.warn(f"Source {entry_label(spec)}: {message}")
        self.result.fetched = len(report.postings)
        ctx.usage["requests"] = report.requests
        state.report = report

    async def step_normalise(self, ctx: StepContext) -> None:
        state = self._state
        assert state.report is not None
        found = await distinct(state.report.postings)
        self.result.duplicates = found.duplicates
        state.postings = found.postings
        ok = [r for r in state.report.results if r.ok]
        state.report = None
        ctx.progress(f"{len(state.postings)} postings, {found.jobs} distinct jobs")
        state.stored = await job_store.load_stored_jobs(
            ctx.runtime.db, _user(ctx), sources={r.spec.key for r in ok}, scorer=SCORER_NAME
        )
        complete = {r.spec.key for r in ok if r.complete}
        state.changes = changes = await compare(state.postings, state.stored, complete)
        for name in ("new", "updated", "unchanged", "reopened"):
            setattr(self.result, name, getattr(changes, name))
        self.result.closed = len(changes.close_ids)

    async def step_score(self, ctx: StepContext) -> None:
        state = self._state
        assert state.scorer is not None and state.changes is not None
        fingerprint = state.scorer.fingerprint
        plan = await plan_scoring(state.postings, state.stored, state.changes, fingerprint)
        stale = await job_store.load_postings(ctx.runtime.db, plan.stale_ids)
        todo = [*plan.fetched, *stale]
        ctx.progress(f"Scoring {len(todo)} jobs ({plan.skipped} unchanged)", 0.0)
        results = []
        step = 2000
        for start in range(0, len(todo), step):
            chunk = todo[start : start + step]
            results.extend(await state.scorer.score_many_async(chunk))
            ctx.progress(f"Scored {len(results)} of {len(todo)}", len(results) / len(todo))
        state.matches = [
            job_store.MatchWrite((p.source, p.external_id), r.score, r.reasons, r.version,
                                 p.content_hash)
            for p, r in zip(todo, results, strict=True)
        ]  # fmt: skip
        self.result.scored = len(todo)
        self.result.skipped_unchanged = plan.skipped

    async def step_save(self, ctx: StepContext) -> None:
        state, runtime = self._state, ctx.runtime
        assert state.changes is not None and state.profile is not None
        assert state.scorer is not None
        write = job_store.SearchWrite(
            user_id=_user(ctx),
            run_id=ctx.run_id,
            scorer=SCORER_NAME,
            profile_version=state.profile.version,
            profile_fingerprint=state.scorer.fingerprint,
            upserts=state.changes.upserts,
            touch_ids=state.changes.touch_ids,
            close_ids=state.changes.close_ids,
            matches=state.matches,
        )
        ctx.progress(f"Saving {len(write.upserts)} jobs and {len(write.matches)} scores")
        await job_store.save_search(runtime.db, write)
        await state.release()  # the postings are saved: let them go before listing
        self._state = _State()
        ctx.usage.update(self.result.usage())
        self.result.best = await best_matches(runtime.db, _user(ctx), limit=BEST_MATCHES)
        if self._review:
            await self._review_matches(ctx)

    async def _review_matches(self, ctx: StepContext) -> None:
        """The AI match review, when a model is configured; it never fails the search."""
        if ctx.runtime.settings.model.provider == "none":
            return
        try:
            from app.workflows.review import review_after_search

            ctx.progress("Reviewing the best matches with the AI model…")
            await review_after_search(ctx, _user(ctx))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the review reports its own failures; this is a backstop
            log.exception("AI review after search failed")
            ctx.warn(f"AI review failed ({type(exc).__name__}); jobs keep their offline score.")


def policy_from_settings(runtime: Runtime) -> FetchPolicy:
    search = runtime.settings.search
    return FetchPolicy(
        per_host_limit=max(1, search.per_host_concurrency),
        read_timeout=search.timeout_s,
        max_attempts=max(1, search.max_retries + 1),
    )


async def run_search(runtime: Runtime, **options: object) -> tuple[int, SearchSummary]:
    """Run a search as a Run and wait for it: returns the run id and its summary.

    Raises ``UserError`` with the run's message when it failed; cancelling the caller
    cancels the run (which then ends ``cancelled``).
    """
    workflow = JobSearchWorkflow(**options)  # type: ignore[arg-type]
    run_id = await runtime.runner.start(workflow, user_id=runtime.user_id)
    try:
        run = await runtime.runner.wait(run_id)
    except asyncio.CancelledError:
        runtime.runner.cancel(run_id)
        with contextlib.suppress(asyncio.CancelledError, LookupError):
            await asyncio.shield(runtime.runner.wait(run_id))
        raise
    if run.status != "succeeded":
        raise UserError(run.error_message or f"The search ended {run.status}.")
    return run_id, workflow.result


def _user(ctx: StepContext) -> int:
    return ctx.user_id if ctx.user_id is not None else ctx.runtime.user_id
