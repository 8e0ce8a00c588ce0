"""A tiny taxonomy with the same API as ``app.profiling.taxonomy.Taxonomy``.

Matching tests use it so that they do not depend on the shipped taxonomy's contents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    category: str = "tech"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Occupation:
    code: str
    title: str
    family: str
    alt_titles: tuple[str, ...]
    skills: tuple[str, ...]


@dataclass(frozen=True)
class SkillMention:
    skill: Skill
    evidence: str
    start: int
    end: int


SKILLS = [
    Skill("python", "Python"), Skill("django", "Django"), Skill("fastapi", "FastAPI"),
    Skill("postgresql", "PostgreSQL", aliases=("Postgres",)), Skill("docker", "Docker"),
    Skill("kubernetes", "Kubernetes", aliases=("k8s",)), Skill("aws", "AWS"),
    Skill("react", "React"), Skill("typescript", "TypeScript"), Skill("sql", "SQL"),
    Skill("spark", "Apache Spark", aliases=("Spark",)), Skill("java", "Java"),
    Skill("figma", "Figma"), Skill("nursing", "Patient care"),
]  # fmt: skip
OCCUPATIONS = [
    Occupation("15-1252.00", "Software Developers", "Computer and Mathematical",
               ("Software Engineer", "Backend Engineer", "Python Developer"),
               ("python", "java", "sql")),
    Occupation("15-2051.00", "Data Scientists", "Computer and Mathematical",
               ("Data Scientist", "Machine Learning Engineer"), ("python", "sql", "spark")),
    Occupation("29-1141.00", "Registered Nurses", "Healthcare", ("Nurse", "Staff Nurse"),
               ("nursing",)),
]  # fmt: skip


class FakeTaxonomy:
    def __init__(self) -> None:
        self.skills = {s.id: s for s in SKILLS}
        forms = sorted(
            ((form, s) for s in SKILLS for form in (s.name, *s.aliases)),
            key=lambda fs: -len(fs[0]),
        )
        self._patterns = [
            (re.compile(rf"(?<![\w]){re.escape(form)}(?![\w])", re.I), s) for form, s in forms
        ]
        self.calls = 0

    def find_skills(self, text: str) -> list[SkillMention]:
        self.calls += 1
        found, taken = [], []
        for regex, skill in self._patterns:
            for m in regex.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                found.append(SkillMention(skill, text, m.start(), m.end()))
        return sorted(found, key=lambda m: m.start)

    def match_title(self, title: str) -> Occupation | None:
        low = title.lower()
        best = None
        for occ in OCCUPATIONS:
            for name in (occ.title, *occ.alt_titles):
                if name.lower() in low and (best is None or len(name) > best[0]):
                    best = (len(name), occ)
        return best[1] if best else None
