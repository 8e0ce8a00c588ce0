"""`profile_text`: three to five plain sentences made only from parsed facts.

Nothing here is invented: each sentence is written only when its facts were
found, and the wording is neutral ("has about 8 years of experience"), not a
sales pitch. Skills are ranked by how often the CV mentions them; licences and
certificates come after them (they have a sentence of their own) and soft skills
last, because they say least.
"""

from __future__ import annotations

from app.profiling.models import Profile

_SOFT = "Soft skills"
_LICENCES = "Certifications & licences"


def profile_text(profile: Profile) -> str:
    sentences: list[str] = []
    subject = profile.name or "The candidate"
    role = profile.headline or _latest_title(profile)
    years = profile.years_experience
    if role and years:
        experience = f"with about {_years(years)} of experience"
        sentences.append(f"{subject} is {_a(role)} {role} {experience}.")
    elif role:
        sentences.append(f"{subject} is {_a(role)} {role}.")
    elif years:
        sentences.append(f"{subject} has about {_years(years)} of work experience.")
    latest = profile.experience[0] if profile.experience else None
    if latest and latest.title and latest.company:
        when = _when(latest.start, latest.end)
        verb = "Currently works" if latest.end == "present" else "Most recently worked"
        sentences.append(f"{verb} as {latest.title} at {latest.company}{when}.")
    elif len(profile.experience) > 1:
        sentences.append(f"The CV lists {len(profile.experience)} jobs.")
    last = {_LICENCES: 1, _SOFT: 2}
    skills = sorted(profile.skills, key=lambda s: 2 if not s.id else last.get(s.category, 0))
    if skills:
        names = [s.name for s in skills[:5]]
        sentences.append(f"Key skills include {_join(names)}.")
    edu = profile.education[0] if profile.education else None
    if edu and (edu.degree or edu.institution):
        what = edu.degree or "studies"
        where = f" from {edu.institution}" if edu.institution and edu.degree else (
            f" at {edu.institution}" if edu.institution else ""
        )
        sentences.append(f"Education: {what}{where}.")
    extra = []
    if profile.certifications:
        names = [c.name for c in profile.certifications[:3]]
        extra.append(f"certifications include {_join(names)}")
    if len(profile.languages) > 1:
        extra.append(f"speaks {_join([lang.name for lang in profile.languages[:4]])}")
    if extra and len(sentences) < 5:
        text = "; ".join(extra)
        sentences.append(text[0].upper() + text[1:] + ".")
    if not sentences:
        return "Too little could be read from the CV to write a summary."
    return " ".join(sentences[:5])


def _latest_title(profile: Profile) -> str | None:
    for entry in profile.experience:
        if entry.title:
            return entry.title
    return None


def _a(word: str) -> str:
    if word[:2].isupper() and word[:1] in "AEFHILMNORSX":  # "an HVAC", "an RN", "an IT"
        return "an"
    return "an" if word[:1].lower() in "aeio" else "a"


def _years(years: float) -> str:
    if years < 1:
        return "less than a year"
    whole = round(years)
    return f"{whole} year" if whole == 1 else f"{whole} years"


def _when(start: str | None, end: str | None) -> str:
    if not start:
        return ""
    return f" (since {start[:4]})" if end == "present" else f" ({start[:4]}–{(end or '')[:4]})"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
