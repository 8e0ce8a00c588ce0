"""Parse one extracted document into CV facts, each with its page and line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.profiling.extract.types import ExtractedDocument
from app.profiling.models import (
    Certification,
    EducationEntry,
    ExperienceEntry,
    Language,
    References,
    Source,
)
from app.profiling.parse.certifications import parse_certifications
from app.profiling.parse.contact import Contact, parse_contact
from app.profiling.parse.education import has_degree, has_institution, parse_education
from app.profiling.parse.experience import parse_entry, split_entries
from app.profiling.parse.languages import (
    end_language_blocks,
    language_level,
    languages_in_prose,
    only_languages,
    parse_languages,
)
from app.profiling.parse.referees import parse_references
from app.profiling.parse.sections import Line, Section, clean_line, split_sections, strip_bullet
from app.profiling.taxonomy import Taxonomy

_YEARS_CLAIM = re.compile(
    r"\b(\d{1,2})\+?\s*(?:years?|yrs?)(?:'|’)?\s+(?:of\s+)?(?:[a-z\-]+\s+){0,3}experience",
    re.IGNORECASE,
)
_LANGUAGE_LABEL = re.compile(r"\s*(?:languages?|bilingual|spoken|multilingual)\b.{0,20}:", re.I)
# Section kinds whose text counts as evidence of skills.
SKILL_SECTIONS = {
    "header", "summary", "experience", "skills", "certifications", "projects", "education",
    "volunteering", "awards", "other", "publications",
}  # fmt: skip


@dataclass
class ParsedCV:
    lines: list[Line]
    sections: list[Section]
    contact: Contact
    experience: list[ExperienceEntry] = field(default_factory=list)
    education: list[EducationEntry] = field(default_factory=list)
    certifications: list[Certification] = field(default_factory=list)
    languages: list[Language] = field(default_factory=list)
    references: References = field(default_factory=References)
    summary: str | None = None
    years_claimed: tuple[int, Line] | None = None
    # line numbers that are headings or entry headers: not evidence of a skill
    non_evidence_lines: set[int] = field(default_factory=set)
    # degree and school lines: evidence only of certifications ("City & Guilds 2382"),
    # not of a subject studied ("Diploma in People Management")
    qualification_lines: set[int] = field(default_factory=set)

    def section_kinds(self) -> set[str]:
        return {s.kind for s in self.sections}


def src(line: Line) -> Source:
    return Source(page=line.page, line=line.line)


def parse_document(doc: ExtractedDocument, taxonomy: Taxonomy) -> ParsedCV:
    lines = [Line(clean_line(text), page, no) for page, no, text in doc.iter_lines()]
    sections = end_language_blocks(split_sections(lines))
    header = [ln for s in sections if s.kind in ("header", "contact") for ln in s.lines]
    rest = [ln for s in sections if s.kind not in ("header", "contact", "references")
            for ln in s.lines]  # fmt: skip
    cv = ParsedCV(lines, sections, parse_contact(sections, taxonomy))
    contact_lines = cv.contact.lines()
    for section in sections:
        if section.kind not in ("header", "contact", "experience"):
            # a name and title written in the main column of a table, read after the
            # sidebar's last section, are not an education entry or a certificate
            section.lines = [ln for ln in section.lines if ln.line not in contact_lines]
    cv.non_evidence_lines |= contact_lines
    if not any(s.kind == "experience" for s in sections):
        # No "Experience" heading: jobs written straight after the contact block.
        contact = contact_lines | {f.line.line for f in cv.contact.emails + cv.contact.phones}
        candidates = [ln for ln in sections[0].lines if ln.line not in contact]
        _experience(cv, candidates, taxonomy, strict=True)
    for section in sections:
        kind = section.kind
        body = section.lines
        if kind not in ("languages", "references", "experience", "projects"):
            # "Languages: English, Polish" or "Bilingual: English / Spanish" in a skills
            # list, under Training or at the foot of a section; in skills "German B2" too
            spoken = parse_languages([
                ln for ln in body
                if _LANGUAGE_LABEL.match(strip_bullet(ln.text))
                or (kind == "skills" and only_languages(ln.text))
            ])  # fmt: skip
            _add_languages(cv, spoken)
            body = [ln for ln in body if all(ln is not line for _, line in spoken)]
        if kind == "experience":
            _experience(cv, body, taxonomy)
        elif kind == "education":
            entries, certificates = parse_education(body)
            for entry, line in entries:
                entry.source = src(line)
                cv.education.append(entry)
            for cert, line in parse_certifications(certificates):
                cert.source = src(line)
                cv.certifications.append(cert)
            cv.qualification_lines.update(
                ln.line for ln in body
                if (has_degree(ln.text) or has_institution(ln.text))
                and len(re.findall(r"[;|•]", ln.text)) < 2  # a list of courses is evidence
            )  # fmt: skip
        elif kind == "certifications":
            for cert, line in parse_certifications(body):
                cert.source = src(line)
                cv.certifications.append(cert)
        elif kind == "languages":
            # "Mother tongue(s)" gives its languages a level
            label = section.heading.text.split(":")[0] if section.heading else ""
            _add_languages(cv, parse_languages(body, language_level(label)))
        elif kind == "summary" and cv.summary is None:
            text = " ".join(ln.text.strip() for ln in body if ln.text.strip())
            cv.summary = text or None
    refs_lines = [ln for s in sections if s.kind == "references" for ln in s.lines]
    cv.references = parse_references(refs_lines, lines, taxonomy)
    if not cv.languages:
        _add_languages(cv, languages_in_prose(rest + header))
    for line in lines:
        m = _YEARS_CLAIM.search(line.text)
        if m and 0 < int(m.group(1)) <= 50:
            cv.years_claimed = (int(m.group(1)), line)
            break
    return cv


def _add_languages(cv: ParsedCV, found: list[tuple[Language, Line]]) -> None:
    for lang, line in found:
        if all(lang.name != other.name for other in cv.languages):
            lang.source = src(line)
            cv.languages.append(lang)


def _experience(cv: ParsedCV, lines: list[Line], taxonomy: Taxonomy, strict=False) -> None:
    """Entries of an experience section; `strict` (no heading) keeps only dated jobs
    that have bullets or a known job title."""
    raw_entries, _ = split_entries(lines)
    if strict:
        raw_entries = [r for r in raw_entries if r.dates and r.body]
    previous = previous_raw = None
    for raw in raw_entries:
        parsed = parse_entry(raw, taxonomy)
        if not (parsed.title or parsed.company):
            continue
        # "ACME Corp" / "Senior Accountant 2019-" / ... / "Accountant 2016-2019": the second
        # role is at the same company when its header is one line with no company of its own.
        if (
            parsed.company is None
            and previous is not None
            and previous.company
            and len(raw.header) == 1
            and len(previous_raw.header) >= 2
            and previous.company in previous_raw.header[0].text
            and (previous.title or "") not in previous_raw.header[0].text
        ):
            parsed.company, parsed.location = previous.company, parsed.location or previous.location
        previous, previous_raw = parsed, raw
        occupation = taxonomy.match_title(parsed.title) if parsed.title else None
        rng = parsed.dates
        cv.experience.append(
            ExperienceEntry(
                title=parsed.title,
                company=parsed.company,
                location=parsed.location,
                start=rng.start.iso() if rng and rng.start else None,
                end=rng.end_text if rng else None,
                bullets=parsed.bullets,
                occupation_code=occupation.code if occupation else None,
                source=src(parsed.first_line),
            )
        )
        cv.non_evidence_lines.update(ln.line for ln in raw.header)
