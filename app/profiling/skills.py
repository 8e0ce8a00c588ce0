"""Skills with evidence: taxonomy matches, plus items listed in a Skills section.

Evidence comes only from text where a person claims a skill: summary, skills,
experience bullets, projects, certifications and the like. Headings, job
title/company lines, degree lines, contact lines, references and interests
are not evidence ("Sales Assistant" as a job title does not make "Sales" a
skill). Every skill has the line it was found in, so none is without evidence;
a line where the skill is used or listed is preferred to the summary, which only
claims it ("Phonics lead: raised the pass rate" over "Passionate about phonics").
"""

from __future__ import annotations

import bisect
import re

from app.profiling.models import SkillItem, Source
from app.profiling.parse.contact import EMAIL_RE, URL_RE, find_phones
from app.profiling.parse.cv import SKILL_SECTIONS, ParsedCV
from app.profiling.parse.languages import LANGUAGES
from app.profiling.parse.sections import strip_bullet
from app.profiling.taxonomy import Taxonomy, evidence_for

_QUALIFICATIONS = {"Certifications & licences", "Health & safety"}
_CLAIMS = {"header", "summary"}  # sections that claim a skill rather than show it
# A slash between two short pieces joins one name ("LC-MS/MS", "TCP/IP", "CI/CD");
# between longer words, or with spaces, it separates two items ("Figma/Sketch").
_ITEM_SPLIT = re.compile(r"\s*(?:[,;|•·▪●◦]|\s/\s|(?<=\w{4})/(?=\w{4})|\s[-–—]\s|\band\b)\s*")
_NOT_SKILL = re.compile(
    r"\b(?:years?|experience|excellent|strong|good|ability|able|skills?|knowledge of|including|"
    r"such as|etc|various|proficient|familiar|expert|advanced|intermediate|basic)\b",
    re.IGNORECASE,
)


def extract_skills(cv: ParsedCV, taxonomy: Taxonomy) -> list[SkillItem]:
    evidence_lines = _evidence_lines(cv)
    texts = [text for _, text, _ in evidence_lines]
    offsets, pos = [], 0
    for text in texts:
        offsets.append(pos)
        pos += len(text) + 1
    full = "\n".join(texts)
    by_id: dict[str, tuple] = {}
    counts: dict[str, int] = {}
    covered: dict[int, list[tuple[int, int]]] = {}
    claimed_only: set[str] = set()  # skills whose evidence so far is a summary line
    for skill, start, end in taxonomy.iter_matches(full):
        idx = bisect.bisect_right(offsets, start) - 1
        line, _, kind = evidence_lines[idx]
        if line.line in cv.qualification_lines and skill.category not in _QUALIFICATIONS:
            continue
        covered.setdefault(line.line, []).append((start - offsets[idx], end - offsets[idx]))
        counts[skill.id] = counts.get(skill.id, 0) + 1
        if skill.id not in by_id or (skill.id in claimed_only and kind not in _CLAIMS):
            by_id[skill.id] = (skill, evidence_for(full, start, end), line)
            if kind in _CLAIMS:
                claimed_only.add(skill.id)
            else:
                claimed_only.discard(skill.id)
    # Built once with the final count: pydantic's checked setattr is slower than creation.
    items = [
        SkillItem(
            id=sid,
            name=skill.name,
            category=skill.category,
            evidence=evidence,
            mentions=counts[sid],
            source=Source(page=line.page, line=line.line),
        )
        for sid, (skill, evidence, line) in by_id.items()
    ]
    known = {i.name.lower() for i in items}
    if cv.contact.name is not None:  # a name that landed in a skills column
        known.add(cv.contact.name.value.lower())
    items += _listed_skills(cv, covered, known)
    items.sort(key=lambda i: (-i.mentions, i.source.line or 0))
    return items


def _evidence_lines(cv: ParsedCV):
    """(line, text, section kind) for every line; lines that may not hold evidence
    have empty text."""
    out = []
    skip = cv.non_evidence_lines
    for section in cv.sections:
        usable = section.kind in SKILL_SECTIONS
        for line in section.lines:
            text = line.text
            contact = section.kind == "header" and _contact_line(text)
            if not usable or line.line in skip or contact:
                text = ""
            out.append((line, text, section.kind))
    return out


def _contact_line(text: str) -> bool:
    return bool(EMAIL_RE.search(text) or URL_RE.search(text) or find_phones(text))


def _listed_skills(cv: ParsedCV, covered, known: set[str]) -> list[SkillItem]:
    """Short items of a Skills section that the taxonomy does not know ("RxConnect")."""
    out: list[SkillItem] = []
    for section in cv.sections:
        if section.kind != "skills":
            continue
        for line in section.lines:
            text = line.text
            if not text.strip() or len(text.split()) > 40:
                continue
            spans = covered.get(line.line, [])
            pos = 0
            for part in _ITEM_SPLIT.split(text):
                start = text.find(part, pos)
                pos = start + len(part)
                if _is_sentence(part):
                    continue
                item = _strip_brackets(strip_bullet(part).strip(" .:*"))
                if ":" in item:
                    item = item.split(":")[-1].strip()
                if not _plausible(item) or item.lower() in known or _is_language(item):
                    continue
                if any(a < start + len(part) and start < b for a, b in spans):
                    continue
                known.add(item.lower())
                out.append(
                    SkillItem(
                        name=item,
                        category="Other",
                        evidence=" ".join(strip_bullet(text).split()),
                        source=Source(page=line.page, line=line.line),
                    )
                )
    return out


def _is_sentence(part: str) -> bool:
    """ "References available on request." is a sentence, not a skill: three or more
    words ending in a full stop."""
    part = part.strip()
    return part.endswith(".") and len(part.split()) >= 3


def _strip_brackets(item: str) -> str:
    """Outer brackets off, and a bracket only when its pair is gone too: "(Python)" is
    "Python", "Mother tongue(s)" keeps its "(s)"."""
    item = item.strip()
    while item[:1] == "(" and item[-1:] == ")" and item.count("(") == 1:
        item = item[1:-1].strip()
    if item.count("(") != item.count(")"):
        item = item.strip("()").strip()
    return item


_CEFR = re.compile(r"^(?:[abc][12]|native)$")  # "German B2", "Polish native"


def _is_language(item: str) -> bool:
    """ "English & Spanish" or "German B2" in a skills list is languages, not a skill."""
    words = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", item)]
    return bool(words) and any(w in LANGUAGES for w in words) and all(
        w in LANGUAGES or w in ("and", "bilingual", "fluent") or _CEFR.match(w) for w in words
    )


def _plausible(item: str) -> bool:
    words = item.split()
    if not 1 <= len(words) <= 4 or not 2 <= len(item) <= 40:
        return False
    if not re.search(r"[A-Za-z]{2}", item) or re.search(r"\d{4}", item):
        return False
    if item[0].islower() or item.endswith(".") or "(s)" in item:  # "Other language(s)"
        return False
    return not _NOT_SKILL.search(item)
