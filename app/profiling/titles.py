"""Suggested job titles, ranked, each with a short reason.

Two kinds of evidence point at an occupation: titles the person uses (the jobs
held, more for recent and long ones, less for part-time or casual ones; and
the CV's headline) and skills the occupation needs. Skills are weighted by how
specific they are (inverse document frequency over the occupations), so "Wound
care" says more about nursing than "Customer service" says about anything. A
job from long ago counts little even when it is the only known title on the CV.

A title counts fully only when the person's skills back it: a past Saturday
job with none of its skills does not outrank the field the CV is about. An
occupation found from skills alone must rest on skills that the person's own
titles do not already explain (a primary teacher's phonics and safeguarding do
not make "Preschool Teacher" a new direction).

One occupation may be offered under more than one title the person used
("Plumbing & Heating Engineer", "Gas Engineer", "Plumber"). Titles use the
person's wording when it is a known title ("Senior Staff Nurse"), otherwise the
known title found in it ("Class Teacher" for "Year 2 Class Teacher",
"Administrative Assistant" for "Administrative Assistant to the Managing
Director"), less an employer's grade ("Civil Engineer II" is offered as "Civil
Engineer"). The score is 0..1; only occupations with real support are returned,
and after the best one, a suggestion from skills alone only when it scores at least
MIN_SCORE (a title the person held is always offered, however long ago).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from app.profiling.models import ExperienceEntry, SkillItem, SuggestedTitle
from app.profiling.parse.dates import PartialDate, months_between, parse_date, today_partial
from app.profiling.taxonomy import Occupation, Taxonomy, TitleMatch, title_key

MAX_SUGGESTIONS = 5
MAX_PER_OCCUPATION = 3
HEADLINE_WEIGHT = 0.6
# A title counts relative to the strongest one the person uses, but never as if it were
# stronger than a recent job: a job from decades ago is not strong for being the only
# known title on the CV. (A short job that ends now weighs 0.5.)
STRONG_TITLE = 0.5
MIN_SCORE = 0.15  # below this, a suggestion from skills alone is not shown
# Words that say how a job was held, not what it is; dropped from a suggestion.
_HELD_AS = re.compile(
    r"\b(?:self[- ]employed|freelance|part[- ]time|full[- ]time|fixed[- ]term|temporary|temp"
    r"|locum|contract|casual|seasonal|volunteer|voluntary|summer|weekend|saturday)\b",
    re.IGNORECASE,
)
# Words of a past job that the person has grown out of ("Apprentice Plumber" then).
_OUTGROWN = re.compile(
    r"\b(?:intern|internship|placement|trainee|apprentice|apprenticeship|student|junior|jr"
    r"|jnr|graduate|grad|entry[- ]level)\b",
    re.I,
)
_SIDE_JOB = re.compile(
    r"\b(?:part[- ]time|casual|seasonal|summer|weekend|saturday|volunteer|voluntary)\b", re.I
)
_BRACKETS = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_DIVISION = re.compile(r"\s[-–—|]\s.*")  # "Director, Operations — Fabric Care"
# An employer's grade says little elsewhere: "Civil Engineer II" is a civil engineer.
_GRADE = re.compile(r"\s+(?:(?:level|grade|band)\s*)?(?:I{1,3}|IV|V|[1-5])$", re.IGNORECASE)
_HEADLINE_SPLIT = re.compile(r"\s+(?:&|and|\||/|\+)\s+|\s*[|/]\s*")


@dataclass
class _Claim:
    """One title the person uses: a job held, or the CV's headline."""

    match: TitleMatch
    wording: str  # as the person wrote it
    weight: float
    label: str  # "Staff Nurse (2015–2019)", or the whole headline
    past: bool = False
    headline: bool = False


@dataclass
class _Held:
    """The titles of one occupation, grouped by the known title they contain."""

    weight: float = 0.0
    headline: str | None = None
    variants: dict[str, list[_Claim]] = field(default_factory=dict)

    def add(self, claim: _Claim) -> None:
        self.weight += claim.weight
        self.variants.setdefault(claim.match.known.lower(), []).append(claim)


def suggest_titles(
    experience: list[ExperienceEntry],
    skills: list[SkillItem],
    taxonomy: Taxonomy,
    *,
    headline: str | None = None,
    today: date | None = None,
) -> list[SuggestedTitle]:
    held = _held(experience, headline, taxonomy, today_partial(today))
    skill_ids = {s.id for s in skills if s.id}
    idf, totals, by_skill = _idf(taxonomy)
    max_held = max([STRONG_TITLE, *(h.weight for h in held.values())])
    explained = {sid for code in held for sid in _occupation(taxonomy, code).skills}
    candidates = {i for sid in skill_ids for i in by_skill.get(sid, ())}
    candidates |= {i for i, occ in enumerate(taxonomy.occupations) if occ.code in held}
    scored: list[tuple[float, str, SuggestedTitle]] = []
    for i in sorted(candidates):
        occ, total = taxonomy.occupations[i], totals[i]
        overlap = [sid for sid in occ.skills if sid in skill_ids]
        mine = held.get(occ.code)
        if mine is None and (len(overlap) < 3 or len(set(overlap) - explained) < 2):
            continue
        coverage = sum(idf[sid] for sid in overlap) / total
        skill_part = 0.4 * min(1.0, coverage * 1.5) * min(1.0, len(overlap) / 5)
        backing = 0.25 + 0.75 * min(1.0, len(overlap) / 3)  # a title no skill backs counts less
        per_weight = 0.6 * backing / max_held
        skills_said = _skills_reason(overlap, taxonomy)
        if mine is None:
            entries = [(occ.alt_titles[0], 0.0, "")]
        else:  # the first entry is the occupation's own: all its titles count
            entries = [
                (display, mine.weight if n == 0 else sum(c.weight for c in claims),
                 _held_reason(_all_claims(mine) if n == 0 else claims))
                for n, (display, claims) in enumerate(_variants(mine))
            ]  # fmt: skip
        for display, weight, held_said in entries:
            value = per_weight * weight + skill_part
            reason = _sentence([held_said, skills_said], occ)
            suggestion = SuggestedTitle(
                title=display, score=round(value, 3), reason=reason, occupation_code=occ.code,
                family=occ.family,
            )  # fmt: skip
            scored.append((value, occ.code, weight > 0, suggestion))
    scored.sort(key=lambda item: (-item[0], item[1]))
    out: list[SuggestedTitle] = []
    seen: set[str] = set()
    for value, _, held, title in scored:
        if len(out) >= MAX_SUGGESTIONS:
            break
        if out and value < MIN_SCORE and not held:
            continue  # a weak guess from skills alone; a title the person held always counts
        if title.title.lower() not in seen:
            seen.add(title.title.lower())
            out.append(title)
    return out


def _held(experience, headline: str | None, taxonomy: Taxonomy, now: PartialDate):
    """occupation code -> the titles the person used for it, weighted."""
    held: dict[str, _Held] = {}
    for entry in experience:
        if not entry.title:
            continue
        match = taxonomy.find_title(entry.title)
        if match is None:
            continue
        start = parse_date(entry.start) if entry.start else None
        end = now if entry.end == "present" else (parse_date(entry.end) if entry.end else start)
        months = months_between(start, end) if start and end else 12
        years_ago = max(0.0, (now.year * 12 + (now.month or 1) - end.year * 12 - (end.month or 12))
                        / 12) if end else 5.0  # fmt: skip
        weight = (0.5 + min(months, 120) / 120) * (0.85**years_ago)
        if _SIDE_JOB.search(" ".join(filter(None, (entry.title, entry.company, entry.location)))):
            weight *= 0.5
        label = f"{entry.title} ({_years(entry.start, entry.end)})" if entry.start else entry.title
        claim = _Claim(match, entry.title, weight, label, past=entry.end != "present")
        held.setdefault(match.occupation.code, _Held()).add(claim)
    for part in _headline_roles(headline, taxonomy):
        match = taxonomy.find_title(part)
        mine = held.setdefault(match.occupation.code, _Held())
        mine.add(_Claim(match, part, HEADLINE_WEIGHT, headline or "", headline=True))
        mine.headline = mine.headline or match.known.lower()
    return held


def _years(start: str, end: str | None) -> str:
    """ "2015–2019", "2019–present", or "2022" for a job within one year."""
    until = "present" if end == "present" else (end or "")[:4]
    return start[:4] if until == start[:4] else f"{start[:4]}–{until}"


def _headline_roles(headline: str | None, taxonomy: Taxonomy) -> list[str]:
    """The roles a headline names: "Graphic Designer & Marketing Specialist" is two,
    "Plumbing & Heating Engineer" is one."""
    if not headline:
        return []
    parts = [p for p in _HEADLINE_SPLIT.split(headline) if p.strip()]
    if len(parts) > 1 and all((m := taxonomy.find_title(p)) is not None and m.exact
                              for p in parts):  # fmt: skip
        return parts
    return [headline] if taxonomy.find_title(headline) is not None else []


def _variants(mine: _Held) -> list[tuple[str, list[_Claim]]]:
    """(title to show, its claims) for one occupation: the headline's first, then by
    weight; an abbreviation ("RN") only when nothing else is there."""
    order = sorted(
        mine.variants.items(),
        key=lambda kv: (kv[0] != mine.headline, -sum(c.weight for c in kv[1])),
    )
    out: list[tuple[str, list[_Claim]]] = []
    seen: set[tuple[str, ...]] = set()
    for _, claims in order:
        display = _display(claims)
        key = title_key(display)
        if key in seen or (out and display.isupper() and len(display) <= 4):
            continue
        seen.add(key)
        out.append((display, claims))
    return out[:MAX_PER_OCCUPATION]


def _all_claims(mine: _Held) -> list[_Claim]:
    """The headline first, then the jobs, latest first."""
    claims = [c for variant in mine.variants.values() for c in variant]
    return sorted(claims, key=lambda c: (not c.headline, c.past))


def _display(claims: list[_Claim]) -> str:
    """The person's wording when it is the known title, or a rank over a function ("VP,
    Global Supply Chain"), less the words that say how the job was held, the employer's
    grade ("II"), the division after a dash, and "Apprentice" once the apprenticeship is
    over; otherwise the known title."""
    known = claims[0].match.known
    for claim in sorted(claims, key=lambda c: -c.weight):
        text = _DIVISION.sub("", _BRACKETS.sub("", claim.wording))
        text = _HELD_AS.sub("", text)
        if claim.past:
            text = _OUTGROWN.sub("", text)
        text = " ".join(text.replace("&", " & ").split()).strip(" -–,|/")
        text = _GRADE.sub("", text)
        if text and (claim.match.as_written or title_key(text) == title_key(known)):
            return text
    return known


def _occupation(taxonomy: Taxonomy, code: str) -> Occupation:
    return next(o for o in taxonomy.occupations if o.code == code)


_IDF_CACHE: dict[int, tuple[dict[str, float], list[float], dict[str, list[int]]]] = {}


def _idf(taxonomy: Taxonomy) -> tuple[dict[str, float], list[float], dict[str, list[int]]]:
    """Skill weights, each occupation's total weight and the occupations of each skill,
    computed once per taxonomy."""
    cached = _IDF_CACHE.get(id(taxonomy))
    if cached is None:
        df: dict[str, int] = {}
        for occ in taxonomy.occupations:
            for sid in occ.skills:
                df[sid] = df.get(sid, 0) + 1
        n = len(taxonomy.occupations)
        idf = {sid: math.log(1 + n / count) for sid, count in df.items()}
        totals = [sum(idf[sid] for sid in occ.skills) or 1.0 for occ in taxonomy.occupations]
        by_skill: dict[str, list[int]] = {}
        for i, occ in enumerate(taxonomy.occupations):
            for sid in occ.skills:
                by_skill.setdefault(sid, []).append(i)
        cached = _IDF_CACHE[id(taxonomy)] = (idf, totals, by_skill)
    return cached


def _held_reason(claims: list[_Claim]) -> str:
    """ "your CV is headed “…” and you worked as Staff Nurse (2015–2019)"."""
    headed = [c.label for c in claims if c.headline]
    jobs = list(dict.fromkeys(c.label for c in claims if not c.headline))[:2]
    parts = [f"your CV is headed “{headed[0]}”"] if headed else []
    if jobs:
        parts.append("you worked as " + " and ".join(jobs))
    return " and ".join(parts)


def _skills_reason(overlap: list[str], taxonomy: Taxonomy) -> str:
    if not overlap:
        return ""
    names = [taxonomy.skills[sid].name for sid in overlap[:4]]
    more = len(overlap) - len(names)
    listed = ", ".join(names) + (f" and {more} more" if more > 0 else "")
    return f"{len(overlap)} of your skills point here ({listed})"


def _sentence(parts: list[str], occ: Occupation) -> str:
    text = "; ".join(p for p in parts if p) or "related to your experience"
    return text[0].upper() + text[1:] + f". O*NET: {occ.title}."
