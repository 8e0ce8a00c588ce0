"""Suggested job titles, ranked, each with a short reason.

Two kinds of evidence point at an occupation: titles the person held (more
for recent and long jobs) and skills the occupation needs. Skills are weighted
by how specific they are (inverse document frequency over the occupations),
so "Wound care" says more about nursing than "Customer service" says about
anything. The score is 0..1; only occupations with real support are returned.
"""

from __future__ import annotations

import math
from datetime import date

from app.profiling.models import ExperienceEntry, SkillItem, SuggestedTitle
from app.profiling.parse.dates import PartialDate, months_between, parse_date, today_partial
from app.profiling.taxonomy import Occupation, Taxonomy

MAX_SUGGESTIONS = 5


def suggest_titles(
    experience: list[ExperienceEntry],
    skills: list[SkillItem],
    taxonomy: Taxonomy,
    *,
    headline: str | None = None,
    today: date | None = None,
) -> list[SuggestedTitle]:
    now = today_partial(today)
    held = _held(experience, taxonomy, now)
    if headline:
        occ = taxonomy.match_title(headline)
        if occ is not None:
            weight, title, label = held.get(occ.code, (0.0, headline, ""))
            held[occ.code] = (weight + 0.6, title, label or f"your CV is headed “{headline}”")
    skill_ids = {s.id for s in skills if s.id}
    idf, totals, by_skill = _idf(taxonomy)
    max_held = max((w for w, _, _ in held.values()), default=0.0)
    candidates = {i for sid in skill_ids for i in by_skill.get(sid, ())}
    candidates |= {i for i, occ in enumerate(taxonomy.occupations) if occ.code in held}
    scored = []
    for i in sorted(candidates):
        occ, total = taxonomy.occupations[i], totals[i]
        overlap = [sid for sid in occ.skills if sid in skill_ids]
        coverage = sum(idf[sid] for sid in overlap) / total
        title_part = held[occ.code][0] / max_held if occ.code in held and max_held else 0.0
        if title_part == 0 and len(overlap) < 3:
            continue
        confidence = min(1.0, len(overlap) / 5)  # three generic skills are weak evidence
        score = 0.6 * title_part + 0.4 * min(1.0, coverage * 1.5) * confidence
        scored.append((score, occ, overlap))
    scored.sort(key=lambda item: (-item[0], item[1].code))
    out: list[SuggestedTitle] = []
    seen_titles: set[str] = set()
    for score, occ, overlap in scored:
        if len(out) >= MAX_SUGGESTIONS or (score < 0.12 and len(out) >= 3):
            break
        display = held[occ.code][1] if occ.code in held else occ.alt_titles[0]
        if display.lower() in seen_titles:
            continue
        seen_titles.add(display.lower())
        out.append(
            SuggestedTitle(
                title=display,
                score=round(score, 3),
                reason=_reason(occ, held.get(occ.code), overlap, taxonomy),
                occupation_code=occ.code,
                family=occ.family,
            )
        )
    return out


def _held(experience, taxonomy: Taxonomy, now: PartialDate):
    """occupation code -> (weight, most recent title held, "Staff Nurse (2015–present)")."""
    held: dict[str, tuple[float, str, str]] = {}
    for entry in experience:
        if not entry.title:
            continue
        occ = taxonomy.match_title(entry.title)
        if occ is None:
            continue
        start = parse_date(entry.start) if entry.start else None
        end = now if entry.end == "present" else (parse_date(entry.end) if entry.end else start)
        months = months_between(start, end) if start and end else 12
        years_ago = max(0.0, (now.year * 12 + (now.month or 1) - end.year * 12 - (end.month or 12))
                        / 12) if end else 5.0  # fmt: skip
        weight = (0.5 + min(months, 120) / 120) * (0.85**years_ago)
        until = "present" if entry.end == "present" else (entry.end or "")[:4]
        label = f"{entry.title} ({entry.start[:4]}–{until})" if entry.start else entry.title
        if occ.code in held:
            old_w, old_title, old_label = held[occ.code]
            held[occ.code] = (old_w + weight, old_title, old_label)
        else:
            held[occ.code] = (weight, entry.title, label)
    return held


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


def _reason(occ: Occupation, held, overlap: list[str], taxonomy: Taxonomy) -> str:
    parts = []
    if held:
        parts.append(f"you worked as {held[2]}")
    if overlap:
        names = [taxonomy.skills[sid].name for sid in overlap[:4]]
        more = len(overlap) - len(names)
        listed = ", ".join(names) + (f" and {more} more" if more > 0 else "")
        parts.append(f"{len(overlap)} of your skills point here ({listed})")
    text = "; ".join(parts) or "related to your experience"
    return text[0].upper() + text[1:] + f". O*NET: {occ.title}."
