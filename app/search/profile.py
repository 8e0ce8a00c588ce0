"""The stored profile as the offline matcher sees it: ``MatchProfile`` from profile + preferences.

The profile (``app.storage.profiles.load_profile``) holds skills, experience, years,
suggested titles, location and profile text; ``user.preferences`` holds what the person
asked for. The preference keys read here (all optional):

    remote_modes     list of "remote", "hybrid", "onsite" (empty: any mode)
    locations        list of places ("Berlin", "Germany"); empty: the profile's location
    salary_floor     least acceptable pay per year, a number
    salary_currency  ISO 4217 code of the floor ("EUR")
    wanted_titles    titles the person looks for; empty: the top suggested titles
    seniority        intern, junior, mid, senior, lead or principal (else from the years)

The onboarding and Settings write the first five (``app.ui.components.onboarding_store``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app.matching import SENIORITY_LEVELS, MatchProfile
from app.matching.features import TaxonomyLike
from app.storage.database import Database
from app.storage.profiles import load_profile

log = logging.getLogger(__name__)

PREFERENCE_KEYS = ("remote_modes", "locations", "salary_floor", "salary_currency",
                   "wanted_titles", "seniority")  # fmt: skip
#: Suggested titles taken as wanted when the person named none.
SUGGESTED_TITLES_USED = 3
_MODES = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite", "on-site": "onsite",
          "on site": "onsite", "office": "onsite", "in office": "onsite"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ProfileForMatching:
    """The matcher's profile and what the search should tell the person about it.

    Attributes:
        profile: what the scorer uses.
        version: ``user.profile_version`` (stored with each score).
        empty: no skills, titles or text: scores rest on preferences and titles only.
        unknown_skills: profile skills the taxonomy does not know (used as text only).
    """

    profile: MatchProfile
    version: int | None
    empty: bool
    unknown_skills: tuple[str, ...] = field(default=())


def _strings(value: Any) -> list[str]:
    """A list of non-empty strings from a list, or a comma-separated string."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, Iterable) or isinstance(value, dict):
        return []
    out = []
    for item in value:
        if isinstance(item, dict):
            item = item.get("title") or item.get("name")
        if isinstance(item, str) and item.strip():
            out.append(item.strip())
    return list(dict.fromkeys(out))


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _skills(
    items: Any, taxonomy: TaxonomyLike
) -> tuple[dict[str, str], list[str]]:
    """Taxonomy id -> name for the profile's skills; names the taxonomy does not know."""
    known: dict[str, str] = {}
    unknown: list[str] = []
    by_id = getattr(taxonomy, "skills", {})
    for item in items if isinstance(items, list) else []:
        name = item.get("name") if isinstance(item, dict) else item
        sid = item.get("id") if isinstance(item, dict) else None
        skill = by_id.get(sid) if sid else None
        if skill is None and isinstance(name, str) and hasattr(taxonomy, "skill_by_name"):
            skill = taxonomy.skill_by_name(name)
        if skill is not None:
            known.setdefault(skill.id, skill.name)
        elif isinstance(name, str) and name.strip():
            unknown.append(name.strip())
    return known, list(dict.fromkeys(unknown))


def build_match_profile(data: dict[str, Any], taxonomy: TaxonomyLike) -> ProfileForMatching:
    """The ``MatchProfile`` for a stored profile dict (see the module docstring)."""
    prefs = data.get("preferences") if isinstance(data.get("preferences"), dict) else {}
    skills, unknown = _skills(data.get("skills"), taxonomy)
    held = _strings([e.get("title") for e in data.get("experience") or [] if isinstance(e, dict)])
    wanted = _strings(prefs.get("wanted_titles"))
    if not wanted:
        wanted = _strings(data.get("suggested_job_titles"))[:SUGGESTED_TITLES_USED]
    modes = [_MODES.get(m.lower()) for m in _strings(prefs.get("remote_modes"))]
    home = data.get("location")
    # The profile's location is one place ("Berlin, Germany"), not a list to split.
    locations = _strings(prefs.get("locations")) or (
        [home.strip()] if isinstance(home, str) and home.strip() else []
    )
    seniority = prefs.get("seniority")
    if not isinstance(seniority, str) or seniority.lower() not in SENIORITY_LEVELS:
        seniority = None
    else:
        seniority = seniority.lower()
    currency = prefs.get("salary_currency")
    text = str(data.get("profile_text") or data.get("summary") or "").strip()
    if unknown:
        text = f"{text}\n\nSkills: {', '.join(unknown)}".strip()
    profile = MatchProfile.build(
        skills=skills,
        titles=held,
        wanted_titles=wanted,
        years_experience=_number(data.get("years_experience")),
        seniority=seniority,
        remote_modes=[m for m in modes if m],
        locations=locations,
        salary_floor=_number(prefs.get("salary_floor")),
        salary_currency=currency if isinstance(currency, str) and currency.strip() else None,
        text=text,
    )
    version = data.get("profile_version")
    return ProfileForMatching(
        profile=profile,
        version=int(version) if isinstance(version, int) else None,
        empty=not (skills or unknown or held or text),
        unknown_skills=tuple(unknown),
    )


async def load_match_profile(db: Database, user_id: int) -> ProfileForMatching:
    """The stored profile as a ``ProfileForMatching``; the taxonomy's first load (about
    60 ms) happens in a worker thread, not on the event loop."""
    from app.profiling.taxonomy import load_taxonomy

    taxonomy = await asyncio.to_thread(load_taxonomy)
    return build_match_profile(await load_profile(db, user_id), taxonomy)
