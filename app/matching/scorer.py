"""Offline, explainable 0..100 match scores.

``Scorer(profile)`` does the profile side once (title words and occupations, the text
query); ``Scorer.score(posting)`` then costs about 0.3 ms for a new posting (mostly skill
spotting, cached by content hash) and a few µs for one seen before. Scores depend only
on the profile, the posting's content and ``SCORER_VERSION``, never on other postings, so
a stored score stays valid while those three are unchanged.

Points: skills 35, title 20, seniority and years 10, location and remote 15, salary 5,
text relevance 15. A job in another country than the person's (``PlaceFit.abroad``) is
capped at ``ABROAD_CAP``, below "Good match": its location part alone (15 points) cannot
outweigh the rest, yet a person who did not list that country cannot take the job
without moving, however well it fits otherwise.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.matching import components as c
from app.matching.features import DEFAULT_CACHE, FeatureCache, TaxonomyLike
from app.matching.location import WantedPlaces, location_fit
from app.matching.profile import MatchProfile
from app.matching.relevance import DocTerms, Query, relevance
from app.sources.models import Posting

SCORER_NAME = "offline"
SCORER_VERSION = "1.2.0"  # bump whenever a change alters any score
WEIGHTS: dict[str, int] = {
    "skills": 35,
    "title": 20,
    "seniority": 10,
    "location": 15,
    "salary": 5,
    "text": 15,
}
GOOD_MATCH = 60  # the score from which a match is called "Good"
ABROAD_CAP = GOOD_MATCH - 1
TEXT_FULL = 0.30  # relevance at which the text part is full (calibrated on real postings)
SLICE_SECONDS = 0.005


@dataclass(frozen=True, slots=True)
class MatchResult:
    """Attributes:
    score: 0..100.
    reasons: JSON-ready: ``summary`` (one line), ``matched_skills``, ``missing_skills``,
        one sentence each for ``skills``, ``title``, ``seniority``, ``location``,
        ``salary`` and ``text``, and ``points`` (what each part earned of ``WEIGHTS``).
    scorer: ``SCORER_NAME``.
    version: ``SCORER_VERSION``.
    """

    score: int
    reasons: dict[str, Any]
    scorer: str = SCORER_NAME
    version: str = SCORER_VERSION


def _default_taxonomy() -> TaxonomyLike:
    from app.profiling.taxonomy import load_taxonomy  # loaded once, cached there

    return load_taxonomy()


class Scorer:
    """Scores postings against one profile; build once per search."""

    def __init__(
        self,
        profile: MatchProfile,
        taxonomy: TaxonomyLike | None = None,
        *,
        cache: FeatureCache | None = None,
    ) -> None:
        self.profile = profile
        self.taxonomy = taxonomy if taxonomy is not None else _default_taxonomy()
        self.cache = cache if cache is not None else DEFAULT_CACHE
        self.fingerprint = profile.fingerprint()
        self._skills = dict(profile.skills)
        self._titles = [
            c.ProfileTitle(t, c.title_words(t), self.taxonomy.match_title(t), weight)
            for titles, weight in ((profile.wanted_titles, 1.0), (profile.titles, 0.85))
            for t in titles
            if t and t.strip()
        ]
        self._level = c.profile_level(profile)
        self._where = WantedPlaces.from_preferences(profile.preferences)
        self._query = Query.from_text(
            profile.text,
            extra_terms=[*profile.skills.values(), *profile.wanted_titles, *profile.titles],
        )

    @classmethod
    async def create(
        cls,
        profile: MatchProfile,
        taxonomy: TaxonomyLike | None = None,
        *,
        cache: FeatureCache | None = None,
    ) -> Scorer:
        """Build a scorer from a coroutine: the first taxonomy load (about 60 ms of JSON and
        index building) runs in a worker thread instead of stalling the event loop."""
        if taxonomy is None:
            taxonomy = await asyncio.to_thread(_default_taxonomy)
        return cls(profile, taxonomy, cache=cache)

    def score(self, posting: Posting) -> MatchResult:
        job = self.cache.get(posting, self.taxonomy)
        prefs = self.profile.preferences
        title, title_why = c.title_fit(self._titles, posting, job)
        level, level_why = c.seniority_fit(self._level, self.profile.years_experience, job)
        place = location_fit(self._where, posting)
        pay, pay_why = c.salary_fit(prefs, posting)
        rel, shared = relevance(self._query, DocTerms.from_text(posting.description))
        text = min(1.0, rel / TEXT_FULL) if self._query.weights else c.NEUTRAL
        if not self._query.weights:
            text_why = "Your profile has no text to compare."
        elif shared:
            text_why = f"Shares terms with your profile: {', '.join(shared)}."
        else:
            text_why = "Shares few terms with your profile."
        judged = [f for f, ok in ((title, self._titles), (text, self._query.weights)) if ok]
        similarity = sum(judged) / len(judged) if judged else None
        skills = c.skill_fit(self._skills, job, similarity)
        fractions = {
            "skills": skills.fraction,
            "title": title,
            "seniority": level,
            "location": place.fraction,
            "salary": pay,
            "text": text,
        }
        points = {k: round(WEIGHTS[k] * max(0.0, min(1.0, f)), 1) for k, f in fractions.items()}
        total = round(sum(WEIGHTS[k] * max(0.0, min(1.0, f)) for k, f in fractions.items()))
        total = max(0, min(ABROAD_CAP if place.abroad else 100, total))
        reasons = {
            "summary": _summary(total, skills, fractions, place.verdict),
            "matched_skills": skills.matched,
            "missing_skills": skills.missing,
            "skills": skills.sentence,
            "title": title_why,
            "seniority": level_why,
            "location": place.why,
            "salary": pay_why,
            "text": text_why,
            "points": points,
        }
        return MatchResult(total, reasons)

    def score_many(self, postings: Iterable[Posting]) -> list[MatchResult]:
        return [self.score(p) for p in postings]

    async def score_many_async(self, postings: Iterable[Posting]) -> list[MatchResult]:
        """``score_many`` that yields to the event loop every few ms (UI stays live;
        cancelling the task stops between postings)."""
        out: list[MatchResult] = []
        deadline = time.perf_counter() + SLICE_SECONDS
        for p in postings:
            out.append(self.score(p))
            if time.perf_counter() >= deadline:
                await asyncio.sleep(0)
                deadline = time.perf_counter() + SLICE_SECONDS
        return out


def _summary(total: int, skills: c.SkillFit, fractions: dict[str, float], place: str) -> str:
    verdict = (
        "Strong match" if total >= 75 else "Good match" if total >= GOOD_MATCH
        else "Partial match" if total >= 40 else "Weak match"
    )  # fmt: skip
    bits = []
    if skills.matched or skills.missing:
        bits.append(f"{len(skills.matched)} of {len(skills.matched) + len(skills.missing)} skills")
    bits.append("title fits" if fractions["title"] >= 0.75 else
                "title close" if fractions["title"] >= 0.4 else "title differs")  # fmt: skip
    if place:
        bits.append(place)
    if fractions["salary"] < 0.5:
        bits.append("pay below your floor")
    return f"{verdict} ({total}): {', '.join(bits)}."


_SCORERS: dict[tuple[int, int], Scorer] = {}


def score_job(
    profile: MatchProfile, posting: Posting, *, taxonomy: TaxonomyLike | None = None
) -> MatchResult:
    """Score one posting. Reuses a ``Scorer`` per (profile, taxonomy), so calling this
    in a loop is nearly as fast as using a ``Scorer`` directly."""
    tax = taxonomy if taxonomy is not None else _default_taxonomy()
    key = (id(profile), id(tax))
    scorer = _SCORERS.get(key)
    # Identity checks: the scorer keeps both objects alive, so their ids stay theirs.
    if scorer is None or scorer.profile is not profile or scorer.taxonomy is not tax:
        if len(_SCORERS) > 8:
            _SCORERS.clear()
        scorer = _SCORERS[key] = Scorer(profile, tax)
    return scorer.score(posting)
