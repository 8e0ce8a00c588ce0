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

from app.profiling.skill_matcher import SkillIndex
from app.profiling.skill_rules import (
    ADJECTIVE,
    CASED,
    PLAIN,
    RELATED,
    STOP,
    STRICT,
    WEAK,
    AliasEntry,
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

# Words that say how a job is held, not what it is. A known title that needs one of them
# matches only as a whole: "Bank Clerk" must not make every "... Clerk" a bank clerk,
# nor "Relief Teacher" every teacher a supply teacher.
_HELD_AS = frozenset(
    {
        "temporary", "temp", "locum", "contract", "contractor", "casual", "seasonal",
        "volunteer", "relief", "bank", "agency", "night", "nights", "weekend", "weekends",
        "freelance", "freelancer",
    }
)  # fmt: skip
# Words that say how senior or how temporary a job is, not what it is.
_TITLE_NOISE = _HELD_AS | frozenset(
    {
        "senior", "sr", "snr", "junior", "jr", "jnr", "principal", "trainee", "graduate", "grad",
        "intern", "internship", "placement", "apprentice", "apprenticeship", "i", "ii", "iii",
        "iv", "v", "1", "2", "3", "level", "entry", "experienced", "qualified", "part", "full",
        "time", "fixed", "term", "day", "days", "self", "employed",
    }
)  # fmt: skip
# A learner's title often names a field, not a role: "Data Science Intern".
_LEARNER = frozenset({"intern", "internship", "placement", "trainee", "apprentice", "student"})
# A rank over a function: "Vice President, Global Supply Chain", "Head of Engineering",
# "Director, Operations". The function names the occupation ("Supply Chain Manager").
_RANKS = (
    ("executive", "vice", "president"), ("vice", "president"), ("vp",), ("svp",), ("evp",),
    ("avp",), ("director",), ("head",),
)  # fmt: skip
# Words between the rank and the function that say where, not what.
_SCOPE = frozenset(
    {
        "of", "for", "global", "group", "worldwide", "international", "national", "regional",
        "corporate", "north", "south", "east", "west", "america", "americas", "emea", "apac",
        "europe", "uk", "us",
    }
)  # fmt: skip
_DIVISION = re.compile(r"\s[-–—|]\s")  # "Director, Operations — Fabric Care"
_ROLES = re.compile(r"\s*/\s*")  # two roles in one title: "Cashier / Pharmacy Clerk"


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
class TitleMatch:
    occupation: Occupation
    known: str  # the known title found, as written in the taxonomy ("Class Teacher")
    exact: bool  # the whole title is that known title, give or take seniority words
    # a rank over a function ("VP, Global Supply Chain"): the person's wording says it
    # better than the known title that found the occupation ("Supply Chain Manager")
    as_written: bool = False


@dataclass(frozen=True)
class SkillMention:
    skill: Skill
    evidence: str  # the line (or sentence, for a long line) the skill was found in
    start: int
    end: int


@lru_cache(maxsize=4096)  # the same title is looked up in several forms and passes
def title_key(title: str, *, keep_held: bool = False) -> tuple[str, ...]:
    """Lower-case words of a job title without seniority and contract words (with
    `keep_held`, the words that say how the job is held stay: "bank", "relief")."""
    text = title.lower().replace("&", " and ")
    words = _TITLE_WORD.findall(text)
    drop = _TITLE_NOISE - _HELD_AS if keep_held else _TITLE_NOISE
    out: list[str] = []
    for i, w in enumerate(words):
        if w in drop or w == "non" or (i and words[i - 1] == "non"):  # "Non-Executive ..."
            continue
        # "Team Lead" is a team leader; "Lead Engineer" (first word) a senior engineer.
        out.append("leader" if w == "lead" and i else w)
    return tuple(out)


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
            modes.update({a: RELATED for a in raw.get("related", [])})
            by_lower = {a.lower(): m for a, m in modes.items()}
            for form in (skill.name, *skill.aliases):
                mode = modes.get(form, PLAIN)
                if form == skill.name and form not in modes:
                    mode = by_lower.get(form.lower(), PLAIN)  # "Go" named, "?Go" strict
                self._index.add(form, AliasEntry(skill.id, skill.category, mode, form, context))
                self._by_name.setdefault(form.lower(), skill)
        for phrase in not_skills:
            self._index.add(phrase, AliasEntry("", "", STOP, phrase, frozenset()))
        self._titles: dict[tuple[str, ...], tuple[Occupation, str]] = {}
        for raw in occupations:
            occ = Occupation(
                raw["code"], raw["title"], raw["family"], tuple(raw["alt_titles"]),
                tuple(raw["skills"]),
            )
            self.occupations.append(occ)
        # Alternative titles first: they are the wording people use. O*NET titles last.
        # A title whose last word is a seniority or contract word matches only as a
        # whole: without that word a field is left, which must not be found inside
        # other titles ("Plumbing Apprentice" would make "plumbing" a title inside
        # "Plumbing Supplies Manager", "Assistant Principal" "assistant"). So does one
        # that needs a word saying how the job is held ("Bank Clerk", see _HELD_AS).
        self._whole_only: dict[tuple[str, ...], tuple[Occupation, str]] = {}
        for occ in self.occupations:
            for known in (*occ.alt_titles, occ.title):
                words = _TITLE_WORD.findall(known.lower())
                held = not _HELD_AS.isdisjoint(words)
                key = title_key(known, keep_held=held)
                into = self._whole_only if held or words[-1] in _TITLE_NOISE else self._titles
                if key:
                    into.setdefault(key, (occ, known))
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
        """The occupation whose title or alternative title best fits a job title."""
        found = self.find_title(title)
        return found.occupation if found is not None else None

    def find_title(self, title: str) -> TitleMatch | None:
        """The known title that best fits a job title, and its occupation.

        The longest known title found inside `title` wins ("Senior Staff Nurse,
        ICU" contains "staff nurse"); on a tie the one further right, where
        English puts the head noun ("Nurse Manager" is a manager). Words after
        "to" name someone else ("Assistant to the Managing Director" is an
        assistant). Of two roles joined by "/", the first that is a known title
        counts ("Cashier / Pharmacy Clerk"). A rank over a function is the
        function's manager ("Vice President, Global Supply Chain" is a supply
        chain manager). A learner's title may name a field ("Data Science
        Intern"): then a title whose words begin the same way counts ("Data
        Scientist").
        """
        words = title_key(title)
        if not words:
            return None
        exact = (
            self._whole_only.get(title_key(title, keep_held=True))
            or self._titles.get(words)
            or self._whole_only.get(words)
        )
        if exact is not None:
            return TitleMatch(exact[0], exact[1], True)
        roles = _ROLES.split(title)
        for role in roles if len(roles) > 1 else ():  # "Cashier / Pharmacy Clerk"
            whole = self._titles.get(title_key(role))
            if whole is not None:
                return TitleMatch(whole[0], whole[1], False)
        ranked = self._function_title(title)
        if ranked is not None:
            return ranked
        if "to" in words[1:]:
            words = words[: words.index("to", 1)]
        found = self._longest_inside(words)
        if found is None and _LEARNER.intersection(_TITLE_WORD.findall(title.lower())):
            found = self._field_title(words)
        return found

    def _longest_inside(self, words: tuple[str, ...]) -> TitleMatch | None:
        exact = self._titles.get(words)
        if exact is not None:
            return TitleMatch(exact[0], exact[1], True)
        for size in range(min(len(words), self._max_title_len), 0, -1):
            for i in range(len(words) - size, -1, -1):  # rightmost first
                hit = self._titles.get(words[i : i + size])
                if hit is not None:
                    return TitleMatch(hit[0], hit[1], False)
        return None

    def _function_title(self, title: str) -> TitleMatch | None:
        """ "Director of Operations" is an operations manager, "VP, Sales & Marketing"
        a sales manager: the rank, then the function (less words that say where, and
        up to an "and") with "manager" or "director" after it must be a known title."""
        words = title_key(_DIVISION.split(title, 1)[0])
        rank = next((r for r in _RANKS if words[: len(r)] == r), None)
        if rank is None:
            return None
        rest = words[len(rank) :]
        while rest and rest[0] in _SCOPE:
            rest = rest[1:]
        if "and" in rest:
            rest = rest[: rest.index("and")]
        for head in ("manager", "director"):
            hit = self._titles.get((*rest, head)) if rest else None
            if hit is not None:
                return TitleMatch(hit[0], hit[1], False, as_written=True)
        return None

    def _field_title(self, words: tuple[str, ...]) -> TitleMatch | None:
        """A known title as long as `words` whose words start like them: "data science"
        is "data scientist", "software engineering" is "software engineer"."""
        for key, (occ, known) in self._titles.items():
            if len(key) == len(words) and all(map(_same_stem, key, words)):
                return TitleMatch(occ, known, False)
        return None


def _same_stem(a: str, b: str) -> bool:
    """Words that differ only in their ending: "science"/"scientist",
    "accounting"/"accountant" (a shared start of five letters, at most three left over
    on the shorter word)."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 5 and n >= min(len(a), len(b)) - 3


def evidence_for(text: str, start: int, end: int) -> str:
    """The line around a match (or its sentence, when the line is long)."""
    lo, hi = line_bounds(text, start, end)
    if hi - lo > 200:
        s_lo = max(text.rfind(". ", lo, start), text.rfind("; ", lo, start))
        lo = s_lo + 2 if s_lo >= 0 else max(lo, start - 100)
        s_hi = text.find(". ", end, hi)
        hi = s_hi + 1 if s_hi >= 0 else min(hi, end + 100)
    # One space between words: a PDF line keeps a wide gap as a run of spaces.
    return " ".join(text[lo:hi].split()).strip(" •·▪●◦‣►■➢✓✔*-–—")


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
