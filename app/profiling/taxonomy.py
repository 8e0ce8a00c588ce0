"""The shipped skills and occupations taxonomy (O*NET-SOC based, CC BY 4.0).

`load_taxonomy()` reads `resources/taxonomy/*.json` once and caches it:
skills, occupations, and phrases that hold a skill's words but are never a
skill (`not_skills.json`: job-ad boilerplate and idioms).
`Taxonomy.find_skills` is on the hot path of scoring thousands of jobs: one
regex pass and one dict lookup per token (see `skill_matcher`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.profiling.skill_matcher import (
    ADJECTIVE,
    CASED,
    PLAIN,
    STOP,
    STRICT,
    WEAK,
    AliasEntry,
    SkillIndex,
    line_bounds,
)

TAXONOMY_DIR = Path(__file__).resolve().parents[2] / "resources" / "taxonomy"

ATTRIBUTION = (
    "This product includes information from the O*NET 29.x Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA. USDOL/ETA has not approved, endorsed, or "
    "tested these modifications."
)

_TITLE_WORD = re.compile(r"[a-z0-9+#]+")

# Words that say how senior or how temporary a job is, not what it is.
_TITLE_NOISE = frozenset(
    {
        "senior", "sr", "snr", "junior", "jr", "jnr", "principal", "trainee", "graduate", "grad",
        "intern", "internship", "placement", "apprentice", "apprenticeship", "i", "ii", "iii",
        "iv", "v", "1", "2", "3", "level", "entry", "experienced", "qualified", "temporary",
        "temp", "locum", "part", "full", "time", "fixed", "term", "contract", "contractor",
        "casual", "seasonal", "volunteer", "relief", "bank", "agency", "night", "nights", "day",
        "days", "weekend", "weekends",
    }
)


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    category: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Occupation:
    code: str
    title: str
    family: str
    alt_titles: tuple[str, ...]
    skills: tuple[str, ...]  # skill ids


@dataclass(frozen=True)
class SkillMention:
    skill: Skill
    evidence: str  # the line (or sentence, for a long line) the skill was found in
    start: int
    end: int


def title_key(title: str) -> tuple[str, ...]:
    """Lower-case words of a job title without seniority and contract words."""
    text = title.lower().replace("&", " and ")
    words = _TITLE_WORD.findall(text)
    return tuple(w for w in words if w not in _TITLE_NOISE)


class Taxonomy:
    def __init__(
        self, skills: list[dict], occupations: list[dict], not_skills: list[str] = ()
    ) -> None:
        self.skills: dict[str, Skill] = {}
        self.occupations: list[Occupation] = []
        self._index = SkillIndex()
        self._by_name: dict[str, Skill] = {}
        for raw in skills:
            skill = Skill(raw["id"], raw["name"], raw["category"], tuple(raw["aliases"]))
            self.skills[skill.id] = skill
            context = frozenset(raw.get("context", [skill.category]))
            modes = {a: CASED for a in raw.get("cased", [])}
            modes.update({a: WEAK for a in raw.get("weak", [])})
            modes.update({a: ADJECTIVE for a in raw.get("adjective", [])})
            modes.update({a: STRICT for a in raw.get("strict", [])})
            by_lower = {a.lower(): m for a, m in modes.items()}
            for form in (skill.name, *skill.aliases):
                mode = modes.get(form, PLAIN)
                if form == skill.name and form not in modes:
                    mode = by_lower.get(form.lower(), PLAIN)  # "Go" named, "?Go" strict
                self._index.add(form, AliasEntry(skill.id, skill.category, mode, form, context))
                self._by_name.setdefault(form.lower(), skill)
        for phrase in not_skills:
            self._index.add(phrase, AliasEntry("", "", STOP, phrase, frozenset()))
        self._titles: dict[tuple[str, ...], Occupation] = {}
        for raw in occupations:
            occ = Occupation(
                raw["code"], raw["title"], raw["family"], tuple(raw["alt_titles"]),
                tuple(raw["skills"]),
            )
            self.occupations.append(occ)
        # Alternative titles first: they are the wording people use. O*NET titles last.
        for occ in self.occupations:
            for alt in occ.alt_titles:
                self._titles.setdefault(title_key(alt), occ)
        for occ in self.occupations:
            self._titles.setdefault(title_key(occ.title), occ)
        self._titles.pop((), None)
        self._max_title_len = max(len(k) for k in self._titles)

    def skill_by_name(self, name: str) -> Skill | None:
        """The skill whose name or alias is exactly `name` (any case), else None."""
        return self._by_name.get(name.strip().lower())

    def find_skills(self, text: str) -> list[SkillMention]:
        """All skill mentions in `text`, in text order, each with its evidence line."""
        return [
            SkillMention(skill, evidence_for(text, start, end), start, end)
            for skill, start, end in self.iter_matches(text)
        ]

    def iter_matches(self, text: str) -> list[tuple[Skill, int, int]]:
        """(skill, start, end) like `find_skills`, without building evidence strings;
        pair with `evidence_for` for the mentions that are kept."""
        skills = self.skills
        return [(skills[e.skill_id], start, end) for e, start, end in self._index.scan(text)]

    def match_title(self, title: str) -> Occupation | None:
        """The occupation whose title or alternative title best fits a job title.

        The longest known title found inside `title` wins ("Senior Staff Nurse,
        ICU" contains "staff nurse"); on a tie the one further right, where
        English puts the head noun ("Nurse Manager" is a manager).
        """
        words = title_key(title)
        if not words:
            return None
        exact = self._titles.get(words)
        if exact is not None:
            return exact
        best: tuple[int, int, Occupation] | None = None
        for size in range(min(len(words), self._max_title_len), 0, -1):
            for i in range(len(words) - size + 1):
                occ = self._titles.get(words[i : i + size])
                if occ is not None and (best is None or (size, i) > best[:2]):
                    best = (size, i, occ)
            if best is not None:
                return best[2]
        return None


def evidence_for(text: str, start: int, end: int) -> str:
    """The line around a match (or its sentence, when the line is long)."""
    lo, hi = line_bounds(text, start, end)
    if hi - lo > 200:
        s_lo = max(text.rfind(". ", lo, start), text.rfind("; ", lo, start))
        lo = s_lo + 2 if s_lo >= 0 else max(lo, start - 100)
        s_hi = text.find(". ", end, hi)
        hi = s_hi + 1 if s_hi >= 0 else min(hi, end + 100)
    return text[lo:hi].strip(" \t\r\n•·▪●◦‣►■➢✓✔*-–—")


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The shipped taxonomy, loaded once."""
    with open(TAXONOMY_DIR / "skills.json", encoding="utf-8") as f:
        skills = json.load(f)
    with open(TAXONOMY_DIR / "occupations.json", encoding="utf-8") as f:
        occupations = json.load(f)
    with open(TAXONOMY_DIR / "not_skills.json", encoding="utf-8") as f:
        not_skills = [p for group in json.load(f)["phrases"].values() for p in group]
    return Taxonomy(skills, occupations, not_skills)
