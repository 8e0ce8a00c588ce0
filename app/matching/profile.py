"""What the matcher knows about the person: ``MatchProfile`` and ``Preferences``."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

SENIORITY_LEVELS: dict[str, int] = {
    "intern": 0,
    "junior": 1,
    "mid": 2,
    "senior": 3,
    "lead": 4,
    "principal": 5,
}
LEVEL_NAMES = {v: k for k, v in SENIORITY_LEVELS.items()}


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the person wants from a job.

    Attributes:
        remote_modes: any of "remote", "hybrid", "onsite"; empty means any mode is fine.
        locations: places the person can work in (cities, regions or countries, e.g.
            "Berlin", "Germany"); empty means no preference.
        salary_floor: the least acceptable pay per year, in ``salary_currency``.
        salary_currency: ISO 4217 code of the floor ("EUR").
    """

    remote_modes: frozenset[str] = frozenset()
    locations: tuple[str, ...] = ()
    salary_floor: float | None = None
    salary_currency: str | None = None

    def __post_init__(self) -> None:
        bad = set(self.remote_modes) - {"remote", "hybrid", "onsite"}
        if bad:
            raise ValueError(f"unknown remote mode(s) {sorted(bad)}: use remote, hybrid, onsite")


@dataclass(frozen=True, slots=True)
class MatchProfile:
    """The profile side of matching, built once per search from the person's profile.

    Attributes:
        skills: skill id -> display name, ids from the shared taxonomy
            (``app.profiling.taxonomy``).
        titles: job titles the person has held (most recent first).
        wanted_titles: titles the person is looking for (weigh more than held ones).
        years_experience: professional years, if known.
        seniority: one of ``SENIORITY_LEVELS`` ("junior", "senior", ...) or None to infer
            it from the years.
        preferences: remote modes, locations and salary floor.
        text: free profile text (summary, experience) for text relevance.
    """

    skills: Mapping[str, str] = field(default_factory=dict)
    titles: tuple[str, ...] = ()
    wanted_titles: tuple[str, ...] = ()
    years_experience: float | None = None
    seniority: str | None = None
    preferences: Preferences = field(default_factory=Preferences)
    text: str = ""

    def __post_init__(self) -> None:
        if self.seniority is not None and self.seniority not in SENIORITY_LEVELS:
            raise ValueError(
                f"unknown seniority {self.seniority!r}: use one of {', '.join(SENIORITY_LEVELS)}"
            )

    @classmethod
    def build(
        cls,
        *,
        skills: Mapping[str, str] | Iterable[tuple[str, str]] = (),
        titles: Iterable[str] = (),
        wanted_titles: Iterable[str] = (),
        years_experience: float | None = None,
        seniority: str | None = None,
        remote_modes: Iterable[str] = (),
        locations: Iterable[str] = (),
        salary_floor: float | None = None,
        salary_currency: str | None = None,
        text: str = "",
    ) -> MatchProfile:
        """Convenience constructor taking plain iterables."""
        return cls(
            skills=dict(skills),
            titles=tuple(titles),
            wanted_titles=tuple(wanted_titles),
            years_experience=years_experience,
            seniority=seniority,
            preferences=Preferences(
                remote_modes=frozenset(remote_modes),
                locations=tuple(locations),
                salary_floor=salary_floor,
                salary_currency=salary_currency.upper() if salary_currency else None,
            ),
            text=text,
        )

    def fingerprint(self) -> str:
        """sha256 of everything scoring reads; with ``Posting.content_hash`` and
        ``SCORER_VERSION`` it says whether a stored score is still valid."""
        prefs = self.preferences
        data = {
            "skills": sorted(self.skills.items()),
            "titles": list(self.titles),
            "wanted": list(self.wanted_titles),
            "years": self.years_experience,
            "seniority": self.seniority,
            "remote": sorted(prefs.remote_modes),
            "locations": list(prefs.locations),
            "floor": prefs.salary_floor,
            "currency": prefs.salary_currency,
            "text": self.text,
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
