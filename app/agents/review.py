"""Match review: the top jobs by offline score, each reviewed by the model, within a budget.

Reviews run a few at a time (``settings.agents.review_concurrency``). All of
a run's calls share one pydantic-ai ``RunUsage`` and one ``UsageLimits``, so
the budget in requests and tokens is for the run as a whole; requests in
flight are reserved too, so concurrency cannot overshoot it. A review is
cached under (job content, profile version, persona, model): unchanged
inputs are never sent twice. A job whose review fails keeps its offline
score; the reasons are counted and reported once per kind.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from app.agents import review_store as store
from app.agents.failures import describe
from app.agents.privacy import known_values
from app.storage.profiles import load_profile

if TYPE_CHECKING:
    from app.agents.gateway import ModelGateway

log = logging.getLogger(__name__)

DESCRIPTION_CHARS = 6_000


class MatchReview(BaseModel):
    """An honest recruiter's review of how well this person fits this job."""

    score: int = Field(ge=0, le=100)
    """0-100: 80+ apply now, 60-79 worth applying, 40-59 a stretch, below 40 a poor fit."""
    verdict: Literal["strong", "good", "partial", "weak"]
    """strong, good, partial or weak, in line with the score."""
    reasons: list[str] = []
    """2-5 short reasons, each naming a concrete fact from the profile or the posting."""
    missing_requirements: list[str] = []
    """Requirements of the posting the profile does not show."""
    red_flags: list[str] = []
    """Concerns: unrealistic demands, vague pay, a clash with the person's working style."""


INSTRUCTIONS = """\
You review how well a job seeker fits one job posting, like a careful recruiter. Judge only
from the profile and the posting you are given; do not assume skills the profile does not show.
If a cultural persona is given, weigh how the job's team, pace and way of working suit it.
Text such as "[email removed]" marks personal data held back on purpose; ignore it.
"""


@functools.cache
def review_agent() -> Any:
    from pydantic_ai import Agent

    return Agent(output_type=MatchReview, instructions=INSTRUCTIONS, name="match_review")


def profile_digest(profile: dict[str, Any], gateway: ModelGateway) -> str:
    """The profile as the model sees it: no name or contact details, personal data removed."""
    lines = [f"Summary: {profile.get('profile_text') or '(none)'}"]
    if profile.get("years_experience"):
        lines.append(f"Years of experience: {profile['years_experience']}")
    skills = [s.get("name") for s in profile.get("skills") or [] if isinstance(s, dict)]
    lines.append(f"Skills: {', '.join(filter(None, skills)) or '(none)'}")
    for job in (profile.get("experience") or [])[:8]:
        if isinstance(job, dict):
            when = f"{job.get('start') or '?'} - {job.get('end') or '?'}"
            lines.append(f"- {job.get('title') or '?'} at {job.get('company') or '?'} ({when})")
    for school in (profile.get("education") or [])[:4]:
        if isinstance(school, dict):
            lines.append(
                f"Education: {school.get('degree') or ''} {school.get('institution') or ''}"
            )
    languages = [x.get("name") for x in profile.get("languages") or [] if isinstance(x, dict)]
    if languages:
        lines.append(f"Languages: {', '.join(filter(None, languages))}")
    if profile.get("location"):
        lines.append(f"Based in: {profile['location']}")
    if profile.get("preferences"):
        lines.append(f"Preferences: {profile['preferences']}")
    if profile.get("persona"):
        lines.append(f"Cultural persona: {profile['persona']}")
    return gateway.clean("\n".join(lines))


def job_prompt(candidate: store.Candidate, digest: str) -> str:
    facts = [
        f"Title: {candidate.title}",
        f"Company: {candidate.company or 'unknown'}",
        f"Location: {candidate.location or 'unknown'} ({candidate.remote or 'unknown'} work)",
    ]
    if candidate.employment_type:
        facts.append(f"Employment: {candidate.employment_type}")
    if candidate.salary:
        facts.append(f"Salary: {candidate.salary}")
    description = candidate.description[:DESCRIPTION_CHARS]
    return f"PROFILE\n{digest}\n\nJOB POSTING\n" + "\n".join(facts) + f"\n\n{description}"


@dataclass
class ReviewOutcome:
    considered: int = 0
    reviewed: int = 0
    cache_hits: int = 0
    model_calls: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    not_reviewed_budget: int = 0
    budget_reached: bool = False
    reviews: dict[int, dict[str, Any]] = field(default_factory=dict)

    def warnings(self) -> list[str]:
        out = [
            f"{count} job(s) kept their offline score: {reason}."
            for reason, count in self.failed.items()
        ]
        if self.budget_reached:
            out.append(
                f"The run's model budget was reached; {self.not_reviewed_budget} job(s) were not "
                "reviewed and keep their offline score (raise it in Settings, Agents)."
            )
        return out


class MatchReviewer:
    """Reviews one run's candidates; ``outcome`` and ``usage`` are readable at any time."""

    def __init__(self, gateway: ModelGateway, *, user_id: int, run_id: int | None) -> None:
        from pydantic_ai.usage import RunUsage, UsageLimits

        agents = gateway.runtime.settings.agents
        self.gateway = gateway
        self.user_id = user_id
        self.run_id = run_id
        self.usage = RunUsage()
        self.limits = UsageLimits(
            request_limit=agents.budget_requests or None,
            total_tokens_limit=agents.budget_tokens or None,
        )
        self.concurrency = max(1, agents.review_concurrency)
        self.outcome = ReviewOutcome()
        self._in_flight = 0
        self._progress: Any = None

    def usage_dict(self) -> dict[str, Any]:
        return {
            "model": self.gateway.target.label,
            "requests": self.usage.requests,
            "input_tokens": self.usage.input_tokens,
            "output_tokens": self.usage.output_tokens,
            "total_tokens": self.usage.input_tokens + self.usage.output_tokens,
            "model_calls": self.outcome.model_calls,
            "cache_hits": self.outcome.cache_hits,
            "reviewed": self.outcome.reviewed,
            "failed": sum(self.outcome.failed.values()),
            "budget_requests": self.limits.request_limit,
            "budget_tokens": self.limits.total_tokens_limit,
        }

    async def review(
        self, candidates: list[store.Candidate], progress: Any = None
    ) -> ReviewOutcome:
        db = self.gateway.runtime.db
        profile = await load_profile(db, self.user_id)
        self.gateway.redactor.known = known_values(profile)
        version = int(profile.get("profile_version") or 0)
        model = self.gateway.target.label
        digest = profile_digest(profile, self.gateway)
        keys = {
            c.job_id: store.cache_key(c.content_hash, version, profile.get("persona"), model)
            for c in candidates
        }
        cached = await store.cached_reviews(db, self.user_id, list(keys.values()))
        self.outcome.considered = len(candidates)
        self._progress = progress
        queue = deque(candidates)
        sent = ["profile summary", "skills", "experience", "job posting"]
        if profile.get("persona"):
            sent.append("persona")

        async def worker() -> None:
            while queue:
                candidate = queue.popleft()
                key = keys[candidate.job_id]
                if key in cached:
                    self.outcome.cache_hits += 1
                    await self._save(candidate, key, cached[key], version, in_cache=True)
                elif self._budget_left():
                    await self._ask(candidate, key, digest, version, sent)
                else:
                    self.outcome.budget_reached = True
                    self.outcome.not_reviewed_budget += 1
                self._report()

        async with asyncio.TaskGroup() as group:
            for _ in range(min(self.concurrency, len(candidates))):
                group.create_task(worker())
        return self.outcome

    def _budget_left(self) -> bool:
        limit, tokens = self.limits.request_limit, self.limits.total_tokens_limit
        if limit is not None and self.usage.requests + self._in_flight >= limit:
            return False
        used = self.usage.input_tokens + self.usage.output_tokens
        return tokens is None or used < tokens

    async def _ask(self, candidate, key, digest, version, sent) -> None:  # type: ignore[no-untyped-def]
        from pydantic_ai import UsageLimitExceeded

        self._in_flight += 1
        self.outcome.model_calls += 1
        try:
            result = await self.gateway.run(
                review_agent(),
                job_prompt(candidate, digest),
                output=MatchReview,
                sent=sent,
                usage=self.usage,
                usage_limits=self.limits,
            )
        except UsageLimitExceeded:
            self.outcome.budget_reached = True
            self.outcome.not_reviewed_budget += 1
            return
        except Exception as exc:
            failure = describe(exc, target_label=self.gateway.target.label)
            log.warning("review of job %s failed: %s (%r)", candidate.job_id, failure.reason, exc)
            self.outcome.failed[failure.reason] += 1
            return
        finally:
            self._in_flight -= 1
        review = result.output.model_dump()
        await self._save(candidate, key, review, version, in_cache=False)

    async def _save(self, candidate, key, review, version, *, in_cache: bool) -> None:  # type: ignore[no-untyped-def]
        await store.save_review(
            self.gateway.runtime.db,
            user_id=self.user_id,
            candidate=candidate,
            key=key,
            model=self.gateway.target.label,
            review=review,
            profile_version=version,
            run_id=self.run_id,
            store_in_cache=not in_cache,
        )
        self.outcome.reviewed += 1
        self.outcome.reviews[candidate.job_id] = review

    def _report(self) -> None:
        if self._progress is not None:
            done = self.outcome.reviewed + sum(self.outcome.failed.values())
            done += self.outcome.not_reviewed_budget
            total = max(self.outcome.considered, 1)
            self._progress(f"Reviewed {done} of {self.outcome.considered} jobs", done / total)
