"""What the match review reads and writes: the jobs to review, the cache, the "llm" match rows."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.storage.database import Database
from app.storage.models import Job, Match, ReviewCache

OFFLINE = "offline"
LLM = "llm"
#: Bump when the review prompt or output changes: old cache entries are then never hit.
PROMPT_VERSION = "review-1"


@dataclass(frozen=True)
class Candidate:
    job_id: int
    offline_score: float
    title: str
    company: str | None
    location: str | None
    remote: str | None
    employment_type: str | None
    salary: str | None
    description: str
    content_hash: str


async def top_candidates(db: Database, user_id: int, k: int) -> list[Candidate]:
    """The open jobs with the best offline scores, one per group of duplicate postings."""
    async with db.session() as session:
        query = (
            select(Match.score, Job)
            .join(Job, Job.id == Match.job_id)
            .where(Match.user_id == user_id, Match.scorer == OFFLINE, Job.closed_at.is_(None))
            .order_by(Match.score.desc(), Job.id)
            .limit(max(k, 0) * 3 + 10)
        )
        rows = (await session.execute(query)).all()
    chosen: list[Candidate] = []
    groups: set[str] = set()
    for score, job in rows:
        if job.group_key and job.group_key in groups:
            continue
        if job.group_key:
            groups.add(job.group_key)
        chosen.append(_candidate(score, job))
        if len(chosen) >= k:
            break
    return chosen


def _candidate(score: float, job: Job) -> Candidate:
    salary = None
    if job.salary_min or job.salary_max:
        low = f"{job.salary_min:,.0f}" if job.salary_min else "?"
        high = f"{job.salary_max:,.0f}" if job.salary_max else "?"
        salary = f"{low}-{high} {job.salary_currency or ''} {job.salary_interval or ''}".strip()
    return Candidate(
        job_id=job.id,
        offline_score=score,
        title=job.title,
        company=job.company,
        location=job.location,
        remote=job.remote,
        employment_type=job.employment_type,
        salary=salary,
        description=job.description or "",
        content_hash=job.content_hash,
    )


def persona_hash(persona: str | None) -> str:
    return hashlib.sha256((persona or "").strip().encode()).hexdigest()[:16]


def cache_key(content_hash: str, profile_version: int, persona: str | None, model: str) -> str:
    """Everything a review depends on; a change in any of them means a new review."""
    parts = [PROMPT_VERSION, content_hash, str(profile_version), persona_hash(persona), model]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


async def cached_reviews(db: Database, user_id: int, keys: list[str]) -> dict[str, dict[str, Any]]:
    if not keys:
        return {}
    async with db.session() as session:
        query = select(ReviewCache.cache_key, ReviewCache.review).where(
            ReviewCache.user_id == user_id, ReviewCache.cache_key.in_(keys)
        )
        return {key: review for key, review in (await session.execute(query)).all()}


async def save_review(
    db: Database,
    *,
    user_id: int,
    candidate: Candidate,
    key: str,
    model: str,
    review: dict[str, Any],
    profile_version: int,
    run_id: int | None,
    store_in_cache: bool = True,
) -> None:
    """The cache entry and the job's "llm" match row, in one transaction."""
    async with db.session() as session:
        if store_in_cache:
            existing = await session.scalar(
                select(ReviewCache).where(
                    ReviewCache.user_id == user_id, ReviewCache.cache_key == key
                )
            )
            if existing is None:
                session.add(
                    ReviewCache(
                        user_id=user_id,
                        job_id=candidate.job_id,
                        cache_key=key,
                        model=model,
                        review=review,
                    )
                )
        match = await session.scalar(
            select(Match).where(
                Match.user_id == user_id, Match.job_id == candidate.job_id, Match.scorer == LLM
            )
        )
        if match is None:
            match = Match(user_id=user_id, job_id=candidate.job_id, scorer=LLM)
            session.add(match)
        match.score = float(review["score"])
        match.reasons = review
        match.scorer_version = model[:50]
        match.job_content_hash = candidate.content_hash
        match.profile_version = profile_version
        match.run_id = run_id


async def llm_matches(db: Database, user_id: int) -> dict[int, Match]:
    """The model's reviews by job id (for the CLI and the Jobs page)."""
    async with db.session() as session:
        query = select(Match).where(Match.user_id == user_id, Match.scorer == LLM)
        return {m.job_id: m for m in (await session.scalars(query)).all()}
