"""Helpers for the skill and title tests: skills of a text, a job, a profile of a text."""

from __future__ import annotations

from datetime import date

from app.profiling.extract.types import TEXT, ExtractedDocument
from app.profiling.models import ExperienceEntry, SkillItem
from app.profiling.profile import SourceDocument, build_profile
from app.profiling.taxonomy import Taxonomy

TODAY = date(2026, 11, 1)


def names(tx: Taxonomy, text: str) -> list[str]:
    return [m.skill.name for m in tx.find_skills(text)]


def skills_of(tx: Taxonomy, text: str) -> list[SkillItem]:
    seen: dict[str, SkillItem] = {}
    for m in tx.find_skills(text):
        seen.setdefault(m.skill.id, SkillItem(id=m.skill.id, name=m.skill.name,
                                              category=m.skill.category, evidence=m.evidence))
    return list(seen.values())


def job(title, start, end, company="Acme Ltd"):  # type: ignore[no-untyped-def]
    return ExperienceEntry(title=title, company=company, start=start, end=end)


def profile_of(text: str):  # type: ignore[no-untyped-def]
    doc = SourceDocument(1, "cv.txt", ExtractedDocument(TEXT, [text]))
    return build_profile([doc], today=TODAY)
