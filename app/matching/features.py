"""What scoring needs from a posting, extracted once per content hash.

Skill spotting is the expensive step (about 0.2 ms for a 1 KB description), so the
result is cached by ``Posting.content_hash``: a posting seen on two boards, or again in
the next search, is read once per process.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Protocol

from app.sources.models import Posting


class SkillLike(Protocol):
    id: str
    name: str


class MentionLike(Protocol):
    skill: SkillLike
    start: int
    end: int


class OccupationLike(Protocol):
    code: str
    title: str
    family: str
    skills: tuple[str, ...]


class TaxonomyLike(Protocol):
    """The part of ``app.profiling.taxonomy.Taxonomy`` matching uses."""

    def find_skills(self, text: str) -> list[Any]: ...

    def match_title(self, title: str) -> Any | None: ...


_LEVEL_CUES: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"\b(?:intern|internship|trainee|apprentice\w*|werkstudent|working student|"
                r"praktikum|praktikant\w*)\b", re.I), 0),
    (re.compile(r"\b(?:principal|distinguished|head of|director|vp|vice president|chief|"
                r"c[tei]o)\b", re.I), 5),
    # "Staff" is a lead level only on engineering-style ladders; a Staff Nurse or Staff
    # Accountant is the regular level of those trades.
    (re.compile(r"\bstaff\b(?=.*\b(?:engineer|engineering|developer|programmer|scientist|"
                r"designer|architect|researcher|swe|sre)s?\b)|\b(?:lead|leader)\b", re.I), 4),
    (re.compile(r"\b(?:senior|sr|snr|iii|expert)\b", re.I), 3),
    (re.compile(r"\b(?:junior|jr|jnr|graduate|entry[- ]level|new grad)\b", re.I), 1),
    (re.compile(r"\bii\s*$", re.I), 2),  # "Engineer II"
    (re.compile(r"\bi\s*$", re.I), 1),  # "Engineer I"
]  # fmt: skip
# SmartRecruiters' experienceLevel labels.
_LEVEL_LABELS = {"internship": 0, "entry level": 1, "associate": 1, "mid-senior level": 3,
                 "director": 5, "executive": 5}  # fmt: skip
_YEARS_RE = re.compile(  # starts at a digit: a leading optional group made it 10x slower
    r"(\d{1,2})(?:\s*\+|\s*(?:-|–|to)\s*\d{1,2})?\s*\+?\s*(?:years?|yrs?)\b", re.I
)
# Years asked for are years *of experience*: the word follows in the same clause
# ("3+ years of professional experience", "5 years' SaaS sales experience"), or leads up
# to the number ("Experience: 3+ years", "experience of at least 4 years"), or the years
# are in a role ("2 years as a nurse", "3 years in a similar role"). Ages ("18 years or
# older", "patients aged 5 to 17 years") and other durations never count.
_CLAUSE_END = re.compile(r"[.;!?\n•]")
_EXPERIENCE = r"(?:experience|exp\b|erfahrung|berufserfahrung)"
_AFTER_RE = re.compile(
    rf"^\W{{0,3}}(?:(?!(?:and|but|or|ago|we|our|you|to)\b)[\w'’-]+\s+){{0,4}}{_EXPERIENCE}|"
    r"^\W{0,3}(?:as\s+an?\b|in\s+(?:an?\s+|the\s+)?(?:similar|related|comparable|relevant|"
    r"equivalent|same)\b)",
    re.I,
)
_BEFORE_RE = re.compile(
    rf"{_EXPERIENCE}\W{{0,3}}(?:(?:of|is|required|minimum|min|at least|ideally|preferably|"
    r"around|about)\W{0,3})*$",
    re.I,
)
_AGE_BEFORE_RE = re.compile(r"\b(?:aged?|ages|between)\s*$", re.I)
_AGE_AFTER_RE = re.compile(r"^\s*(?:old|of age|\+?\s*(?:or|and)\s+(?:older|over|above))\b", re.I)


def level_from_title(title: str, extra_label: str | None = None) -> int | None:
    """Seniority level (0 intern .. 5 principal) a title states, or None."""
    for regex, level in _LEVEL_CUES:
        if regex.search(title):
            return level
    if extra_label:
        return _LEVEL_LABELS.get(extra_label.strip().lower())
    return None


def _asks_experience(text: str, start: int, end: int) -> bool:
    """Whether the "N years" at ``text[start:end]`` is years of experience (see above)."""
    before = text[max(0, start - 60) : start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    before = before[cut:]
    after = text[end : end + 80]
    stop = _CLAUSE_END.search(after)
    after = after[: stop.start()] if stop else after
    if _AGE_BEFORE_RE.search(before) or _AGE_AFTER_RE.search(after):
        return False
    return bool(_AFTER_RE.search(after) or _BEFORE_RE.search(before))


def years_required(text: str) -> float | None:
    """The fewest years of experience a posting asks for ("3+ years of experience")."""
    best: float | None = None
    for m in _YEARS_RE.finditer(text[:20000]):
        if not _asks_experience(text, m.start(), m.end()):
            continue
        years = float(m.group(1))
        if 0 < years <= 20 and (best is None or years < best):
            best = years
    return best


# What may stand between two skills of a list: a comma, or a joint that makes them
# alternatives ("ACA / ACCA", "Xero or Sage", "Xero and/or Sage", "ACA, ACCA or CIMA").
_JOINT = re.compile(r"\s*(?:,\s*(?:or\s+)?|/|\||(?:and\s*/\s*)?or)\s*", re.I)
_LONGEST_JOINT = 12


def skill_alternatives(text: str, mentions: list[Any]) -> tuple[frozenset[str], ...]:
    """Groups of skills the text names as alternatives, any one of which meets one
    requirement: joined by "/" or "or" ("ACA / ACCA / CIMA qualified"), or a comma list
    whose last joint is "or" ("ACA, ACCA or CIMA"). A skill the text also names on its
    own is required anyway, so a group holding one is dropped."""
    runs: list[list[tuple[str, bool]]] = []  # lists of (skill id, "or" joins it to the last)
    end = -1
    for mention in sorted(mentions, key=lambda m: m.start):
        start = mention.start
        if 0 <= end <= start <= end + _LONGEST_JOINT and _JOINT.fullmatch(text, end, start):
            runs[-1].append((mention.skill.id, text[end:start].strip() != ","))
        else:
            runs.append([(mention.skill.id, False)])
        end = mention.end
    groups: list[frozenset[str]] = []
    alone: set[str] = set()
    for run in runs:
        if run[-1][1]:  # ends in "or": all of it ("A / B", "A, B or C")
            chunks = [[sid for sid, _ in run]]
        else:  # "A, B/C, D": only the pieces joined by "or"
            chunks = []
            for sid, joined in run:
                if joined:
                    chunks[-1].append(sid)
                else:
                    chunks.append([sid])
        for chunk in chunks:
            ids = frozenset(chunk)
            if len(ids) > 1:
                groups.append(ids)
            else:
                alone |= ids
    return tuple(dict.fromkeys(g for g in groups if not g & alone))


#: One skill requirement: a skill id, or the ids of skills named as alternatives.
Requirement = str | tuple[str, ...]


def skill_requirements(
    skills: dict[str, str], alternatives: tuple[frozenset[str], ...]
) -> tuple[Requirement, ...]:
    """The posting's skill requirements in order of mention: each skill on its own (its
    id), or a group of alternatives (their ids, in the order the posting names them)."""
    if not alternatives:
        return tuple(skills)
    position = {sid: i for i, sid in enumerate(skills)}
    grouped = frozenset().union(*alternatives)
    ordered: list[tuple[int, Requirement]] = [
        (position[sid], sid) for sid in skills if sid not in grouped
    ]
    for group in alternatives:
        members = tuple(sorted(group, key=position.__getitem__))
        ordered.append((position[members[0]], members))
    return tuple(requirement for _, requirement in sorted(ordered, key=lambda o: o[0]))


@dataclass(frozen=True, slots=True)
class JobFeatures:
    """Attributes:
    skills: skill id -> name, in order of first mention (title first).
    title_skills: ids mentioned in the title (they weigh double).
    occupation: the taxonomy occupation of the title, or None.
    level: seniority level stated by the title (or SmartRecruiters' label), or None.
    years: fewest years of experience asked for, or None.
    requirements: what the posting asks for, in order of mention: a skill id, or a tuple
        of ids named as alternatives ("ACA / ACCA / CIMA"), met by any of them.
    """

    skills: dict[str, str]
    title_skills: frozenset[str]
    occupation: Any | None
    level: int | None
    years: float | None
    requirements: tuple[Requirement, ...]


def extract_features(posting: Posting, taxonomy: TaxonomyLike) -> JobFeatures:
    head = posting.title
    text = f"{head}\n\n{posting.description}"
    skills: dict[str, str] = {}
    title_skills: set[str] = set()
    mentions = taxonomy.find_skills(text)
    for mention in mentions:
        sid = mention.skill.id
        skills.setdefault(sid, mention.skill.name)
        if mention.start < len(head):
            title_skills.add(sid)
    label = posting.extra.get("experience_level") if posting.extra else None
    return JobFeatures(
        skills=skills,
        title_skills=frozenset(title_skills),
        occupation=taxonomy.match_title(head),
        level=level_from_title(head, label if isinstance(label, str) else None),
        years=years_required(posting.description),
        requirements=skill_requirements(skills, skill_alternatives(text, mentions)),
    )


class FeatureCache:
    """An LRU of ``JobFeatures`` by (taxonomy, content hash); small entries only."""

    def __init__(self, max_entries: int = 50_000) -> None:
        self.max_entries = max_entries
        # The taxonomy is kept in each entry so that its id cannot be reused by another
        # taxonomy object while the entry lives.
        self._data: OrderedDict[tuple[int, str], tuple[TaxonomyLike, JobFeatures]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, posting: Posting, taxonomy: TaxonomyLike) -> JobFeatures:
        if not posting.content_hash:
            self.misses += 1
            return extract_features(posting, taxonomy)
        key = (id(taxonomy), posting.content_hash)
        entry = self._data.get(key)
        if entry is not None and entry[0] is taxonomy:
            self.hits += 1
            self._data.move_to_end(key)
            return entry[1]
        self.misses += 1
        found = extract_features(posting, taxonomy)
        self._data[key] = (taxonomy, found)
        if len(self._data) > self.max_entries:
            self._data.popitem(last=False)
        return found

    def clear(self) -> None:
        self._data.clear()


DEFAULT_CACHE = FeatureCache()
