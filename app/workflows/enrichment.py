"""Profile enrichment as a run: ``jobagent profile enrich``, the Profile page's button.

``enrich_after_profiling`` is for the profiling workflow to call at its end:
it does nothing without a model, and a failing model only adds a warning
to that run (the offline profile stays as it was).
"""

from __future__ import annotations

import logging

from app.agents.enrichment import EnrichmentOutcome, enrich, load_inputs
from app.agents.failures import describe
from app.agents.providers import ModelNotConfigured, current_target, model_configured
from app.core.errors import UserError
from app.workflows.base import StepContext, Workflow

log = logging.getLogger(__name__)


class EnrichmentWorkflow(Workflow):
    kind = "enrichment"
    steps = ("check", "improve")
    step_labels = {"check": "Check profile", "improve": "Improve with AI"}

    result: EnrichmentOutcome | None = None

    async def step_check(self, ctx: StepContext) -> None:
        current_target(ctx.runtime)
        await load_inputs(ctx.runtime.db, _user(ctx))

    async def step_improve(self, ctx: StepContext) -> None:
        ctx.progress("Asking the model…")
        label = current_target(ctx.runtime).label
        try:
            self.result = await enrich(ctx.runtime, _user(ctx), run_id=ctx.run_id)
        except UserError:
            raise
        except Exception as exc:
            log.warning("enrichment failed: %r", exc)
            reason = describe(exc, target_label=label).reason
            raise UserError(
                f"The model could not improve your profile: {reason}. Your profile is unchanged."
            ) from exc
        ctx.usage.update(self.result.usage)
        report_dropped(ctx, self.result)


def report_dropped(ctx: StepContext, outcome: EnrichmentOutcome) -> None:
    if outcome.dropped:
        shown = "; ".join(outcome.dropped[:5]) + ("; …" if len(outcome.dropped) > 5 else "")
        ctx.warn(
            f"Dropped {len(outcome.dropped)} claim(s) the model made that the CV does not "
            f"support: {shown}"
        )
    ctx.usage["ungrounded_dropped"] = len(outcome.dropped)


async def enrich_after_profiling(ctx: StepContext, user_id: int | None = None) -> bool:
    """Improve the fresh offline profile when a model is set; True when it was improved.

    Never fails the calling run: without a key, or when the model fails, it
    warns and the offline profile stays exactly as it was.
    """
    runtime = ctx.runtime
    if not model_configured(runtime.settings):
        return False
    try:
        ctx.progress("Improving the profile with AI…")
        outcome = await enrich(
            runtime, user_id or ctx.user_id or runtime.user_id, run_id=ctx.run_id
        )
    except ModelNotConfigured as exc:
        ctx.warn(f"AI enrichment skipped: {exc}")
        return False
    except Exception as exc:
        log.warning("enrichment after profiling failed: %r", exc)
        reason = describe(exc, target_label=runtime.settings.model.model or "the model").reason
        ctx.warn(f"AI enrichment failed ({reason}); the offline profile is kept.")
        return False
    for key, value in outcome.usage.items():
        ctx.usage[f"enrichment_{key}"] = value
    report_dropped(ctx, outcome)
    return True


def _user(ctx: StepContext) -> int:
    return ctx.user_id if ctx.user_id is not None else ctx.runtime.user_id
