"""Match review as a run: ``jobagent review``, and the end of a search when a model is set.

``review_after_search`` is for the search workflow to call at its end: it
does nothing without a model, and never fails that run (a failing model
leaves every job with its offline score, and a warning says why).
"""

from __future__ import annotations

import logging

from app.agents import review_store as store
from app.agents.providers import ModelNotConfigured, current_target, model_configured
from app.agents.review import MatchReviewer, ReviewOutcome
from app.core.errors import UserError
from app.workflows.base import StepContext, Workflow

log = logging.getLogger(__name__)


class ReviewWorkflow(Workflow):
    kind = "review"
    steps = ("select", "review")
    step_labels = {"select": "Pick top jobs", "review": "Review with AI"}

    def __init__(self, top_k: int | None = None) -> None:
        self.top_k = top_k
        self.candidates: list[store.Candidate] = []
        self.result: ReviewOutcome | None = None

    async def step_select(self, ctx: StepContext) -> None:
        current_target(ctx.runtime)
        k = self.top_k if self.top_k is not None else ctx.runtime.settings.agents.review_top_k
        if k < 1:
            raise UserError("--top must be at least 1.")
        self.candidates = await store.top_candidates(ctx.runtime.db, _user(ctx), k)
        if not self.candidates:
            raise UserError("There are no scored open jobs to review: run a search first.")
        ctx.progress(f"{len(self.candidates)} jobs to review")

    async def step_review(self, ctx: StepContext) -> None:
        self.result = await review_candidates(ctx, self.candidates)


async def review_candidates(ctx: StepContext, candidates: list[store.Candidate]) -> ReviewOutcome:
    """Review ``candidates`` into the run ``ctx`` belongs to; usage and warnings go on its Run."""
    from app.agents.gateway import ModelGateway

    user_id = _user(ctx)
    gateway = await ModelGateway.create(
        ctx.runtime, purpose="review", user_id=user_id, run_id=ctx.run_id
    )
    reviewer = MatchReviewer(gateway, user_id=user_id, run_id=ctx.run_id)
    try:
        outcome = await reviewer.review(candidates, progress=ctx.progress)
    finally:  # also when cancelled: what was spent is saved on the Run
        ctx.usage.update(reviewer.usage_dict())
    for warning in outcome.warnings():
        ctx.warn(warning)
    return outcome


async def review_after_search(ctx: StepContext, user_id: int | None = None) -> ReviewOutcome | None:
    """Review the top jobs when a model is set; None when there is none (or nothing to review)."""
    runtime = ctx.runtime
    if not model_configured(runtime.settings):
        return None
    user = user_id or _user(ctx)
    candidates = await store.top_candidates(runtime.db, user, runtime.settings.agents.review_top_k)
    if not candidates:
        return None
    try:
        return await review_candidates(ctx, candidates)
    except ModelNotConfigured as exc:
        ctx.warn(f"AI review skipped: {exc}")
    except Exception as exc:
        log.exception("review after search failed")
        ctx.warn(f"AI review failed ({type(exc).__name__}); every job keeps its offline score.")
    return None


def _user(ctx: StepContext) -> int:
    return ctx.user_id if ctx.user_id is not None else ctx.runtime.user_id
