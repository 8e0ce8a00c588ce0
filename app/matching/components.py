"""The parts of a match score. Each returns a fraction 0..1 and a sentence a person reads.

When a part cannot be judged (no salary stated, no titles in the profile) it gets a
neutral fraction, so missing data neither sinks nor lifts a posting, and the sentence
says what was missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.matching.features import JobFeatures, Requirement
from app.matching.profile import LEVEL_NAMES, SENIORITY_LEVELS, MatchProfile, Preferences
from app.sources.models import Posting
from app.sources.salary_interval import annualize

NEUTRAL = 0.5

# ------------------------------------------------------------------ skills


@dataclass(frozen=True, slots=True)
class SkillFit:
    fraction: float
    matched: list[str]
    missing: list[str]
    sentence: str


def skill_fit(
    profile_skills: dict[str, str], job: JobFeatures, similarity: float | None
) -> SkillFit:
    """Share of the posting's skills the person has; skills in the title count double.

    Skills named as alternatives ("ACA / ACCA / CIMA qualified") are one requirement,
    met by any of them: the person with ACA meets it, and one without any misses
    "ACA or ACCA or CIMA", not three skills.

    The share is bent upwards (``** 0.7``): postings list nice-to-haves, so having most
    of them is already a strong fit. A posting that names no skills we recognise (other
    languages, trades the taxonomy lacks) is not given the benefit of the doubt: the part
    follows ``similarity``, how well its title and text match the profile (None: the
    profile has neither), so an unknown posting ranks no better than a known mismatch
    unless it reads like the person's work.
    """
    if not job.skills and similarity is None:  # nothing on the profile side either
        return SkillFit(NEUTRAL, [], [], "The posting names no skills we recognise.")
    if not job.skills:
        why = "The posting names no skills we recognise, so this part follows how well its "
        return SkillFit(similarity or 0.0, [], [], why + "title and text match yours.")
    requirements = job.requirements
    if not profile_skills:
        return SkillFit(NEUTRAL, [], [_either(job, r) for r in requirements][:10],
                        "Your profile has no skills yet, so skills were not compared.")  # fmt: skip
    have = total = 0.0
    matched, missing = [], []
    titled = job.title_skills
    for requirement in requirements:
        if isinstance(requirement, str):  # one skill: most requirements
            weight = 2.0 if requirement in titled else 1.0
            held = requirement if requirement in profile_skills else None
        else:  # alternatives: the first the person has meets it
            weight = 1.0 if titled.isdisjoint(requirement) else 2.0
            held = next((sid for sid in requirement if sid in profile_skills), None)
        total += weight
        if held is not None:
            have += weight
            matched.append(profile_skills[held] or job.skills[held])
        else:
            missing.append(_either(job, requirement))
    fraction = (have / total) ** 0.7 if total else 0.0
    n, m = len(requirements), len(matched)
    if m == 0:
        sentence = f"None of the {n} skills the posting names are in your profile."
    else:
        sentence = f"You have {m} of the {n} skills the posting names: {_list(matched, 8)}."
    if missing:
        sentence += f" Missing: {_list(missing, 8)}."
    return SkillFit(fraction, matched, missing[:10], sentence)


def _either(job: JobFeatures, requirement: Requirement) -> str:
    if isinstance(requirement, str):
        return job.skills[requirement]
    return " or ".join(job.skills[sid] for sid in requirement)


def _list(items: list[str], limit: int) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


# ------------------------------------------------------------------ title

_TITLE_NOISE = frozenset(
    """senior sr snr junior jr jnr principal staff lead intern trainee graduate i ii iii iv
    mid level entry experienced remote hybrid onsite m w f d x all genders gn the a of and
    for in""".split()  # noqa: SIM905
)
_TITLE_SYNONYMS = {
    "developer": "engineer", "programmer": "engineer", "dev": "engineer", "swe": "engineer",
    "eng": "engineer", "engineering": "engineer", "sre": "reliability", "ml": "machine",
    "devops": "devops",
    "analytics": "analyst", "scientist": "scientist", "mgr": "manager",
}  # fmt: skip
_JOINED = re.compile(r"\b(front|back|full)[\s-]?(end|stack)\b")  # "Front-End" = "frontend"
_TITLE_CUT = re.compile(r"\s*(?:[,(\[|]|\s[-–—/]\s).*$")


def title_words(title: str) -> frozenset[str]:
    """Core words of a title: the part before a comma, dash or bracket (team, place),
    without seniority words, with common synonyms folded ("Developer" = "Engineer")."""
    core = _TITLE_CUT.sub("", title) or title
    core = _JOINED.sub(r"\1\2", core.lower())
    words = re.findall(r"[a-z0-9+#]+", core.replace("-", " "))
    return frozenset(_TITLE_SYNONYMS.get(w, w) for w in words if w not in _TITLE_NOISE)


@dataclass(frozen=True, slots=True)
class ProfileTitle:
    text: str
    words: frozenset[str]
    occupation: object | None
    weight: float  # wanted titles 1.0, held ones less


def title_fit(titles: list[ProfileTitle], posting: Posting, job: JobFeatures) -> tuple[float, str]:
    """Best similarity between the posting's title and one of the person's titles: shared
    core words, or the same taxonomy occupation (same occupation family counts half)."""
    if not titles:
        return NEUTRAL, "Your profile has no job titles, so the title was not compared."
    words = title_words(posting.title)
    best, best_title, how = 0.0, titles[0], ""
    for t in titles:
        sim, why = 0.0, ""
        if words and t.words:
            shared = len(words & t.words)
            contain = shared / len(t.words)
            dice = 2 * shared / (len(words) + len(t.words))
            sim, why = 0.7 * contain + 0.3 * dice, "words"
        occ = job.occupation
        if occ is not None and t.occupation is not None:
            same_code = getattr(occ, "code", None) == getattr(t.occupation, "code", None)
            same_family = getattr(occ, "family", None) == getattr(t.occupation, "family", None)
            if same_code and sim < 0.9:
                sim, why = 0.9, f"occupation ({occ.title})"
            elif same_family and not same_code and sim < 0.5:
                sim, why = 0.5, f"field ({occ.family})"
        sim *= t.weight
        if sim > best:
            best, best_title, how = sim, t, why
    if best >= 0.75:
        verdict = "fits"
    elif best >= 0.4:
        verdict = "is close to"
    else:
        return best, f"The title '{posting.title}' is unlike your titles ({_titles(titles)})."
    kind = "wanted" if best_title.weight >= 1 else "past"
    detail = f" (same {how})" if how.startswith(("occupation", "field")) else ""
    return (
        best,
        f"The title '{posting.title}' {verdict} your {kind} title '{best_title.text}'{detail}.",
    )


def _titles(titles: list[ProfileTitle]) -> str:
    return ", ".join(f"'{t.text}'" for t in titles[:3])


# ------------------------------------------------------------------ seniority and years


def profile_level(profile: MatchProfile) -> int | None:
    if profile.seniority:
        return SENIORITY_LEVELS[profile.seniority]
    years = profile.years_experience
    if years is None:
        return None
    return 1 if years < 2 else 2 if years < 5 else 3 if years < 8 else 4


_LEVEL_FIT = {0: 1.0, 1: 0.6, -1: 0.7, 2: 0.25, -2: 0.3}


def seniority_fit(level: int | None, years: float | None, job: JobFeatures) -> tuple[float, str]:
    """Seniority (the title's level against the person's) and years asked against held."""
    parts: list[tuple[float, float]] = []
    notes: list[str] = []
    if job.level is not None and level is not None:
        diff = job.level - level
        parts.append((0.6, _LEVEL_FIT.get(diff, 0.05)))
        role, you = LEVEL_NAMES[job.level], LEVEL_NAMES[level]
        if diff == 0:
            notes.append(f"A {role}-level role, as you are {you}.")
        elif diff > 0:
            notes.append(f"A {role}-level role, above your {you} level.")
        else:
            notes.append(f"A {role}-level role, below your {you} level.")
    elif job.level is None:
        notes.append("The title states no seniority.")
    if job.years is not None and years is not None:
        need = job.years
        if years >= need:
            fit = 1.0
        elif years >= need - 1:
            fit = 0.75
        else:
            fit = max(0.0, years / need) * 0.6
        parts.append((0.4, fit))
        notes.append(f"Asks for {need:g}+ years; you have {years:g}.")
    elif job.years is not None:
        notes.append(f"Asks for {job.years:g}+ years of experience.")
    if not parts:
        return 0.6, " ".join(notes) or "Seniority could not be compared."
    weight = sum(w for w, _ in parts)
    return sum(w * f for w, f in parts) / weight, " ".join(notes)


# ------------------------------------------------------------------ salary


def salary_fit(prefs: Preferences, posting: Posting) -> tuple[float, str]:
    """The posting's top of range, per year, against the person's floor."""
    floor = prefs.salary_floor
    if not floor:
        return 1.0, "You set no salary floor."
    if posting.salary_max is None and posting.salary_min is None:
        return NEUTRAL, "The posting states no salary."
    cur = posting.salary_currency
    if prefs.salary_currency and cur and cur != prefs.salary_currency:
        return NEUTRAL, f"Pay is in {cur}; your floor is in {prefs.salary_currency}."
    top = annualize(posting.salary_max or posting.salary_min, posting.salary_interval)
    unit = prefs.salary_currency or cur or ""
    if top is None:
        return NEUTRAL, "The posting states no salary."
    open_ended = posting.salary_max is None  # "From £25,000": the start, not the top
    if top >= floor:
        pays = "Pays from" if open_ended else "Pays up to"
        return 1.0, f"{pays} {top:,.0f} {unit} a year, at or above your floor of {floor:,.0f}."
    short = (floor - top) / floor
    pays = "Starts at" if open_ended else "Pays at most"
    return max(0.0, 1 - 3 * short), (
        f"{pays} {top:,.0f} {unit} a year, below your floor of {floor:,.0f}."
    )
