"""Offline, explainable matching of postings against a profile (no model, no network).

Entry points:
    MatchProfile / Preferences -- the profile side, built by the caller from the profile.
    Scorer(profile).score(posting) -> MatchResult; score_many / score_many_async.
    score_job(profile, posting)    -- the same for one posting (reuses a Scorer).
    SCORER_VERSION                 -- stored with each score; a change means rescore.
"""

from app.matching.features import FeatureCache, JobFeatures, extract_features
from app.matching.profile import SENIORITY_LEVELS, MatchProfile, Preferences
from app.matching.scorer import (
    SCORER_NAME,
    SCORER_VERSION,
    WEIGHTS,
    MatchResult,
    Scorer,
    score_job,
)

__all__ = [
    "SCORER_NAME",
    "SCORER_VERSION",
    "SENIORITY_LEVELS",
    "WEIGHTS",
    "FeatureCache",
    "JobFeatures",
    "MatchProfile",
    "MatchResult",
    "Preferences",
    "Scorer",
    "extract_features",
    "score_job",
]
