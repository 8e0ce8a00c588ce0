"""Build one `Profile` from one or more extracted CVs.

Pure and synchronous: the caller extracts the documents (on the extraction
thread) and saves the result. `today` is a parameter so "present" is testable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.profiling.errors import DocumentError
from app.profiling.extract.types import ExtractedDocument
from app.profiling.merge import dedupe, merge_experience, norm, phone_key, pick_scalar
from app.profiling.models import DocumentInfo, Link, Profile, Source
from app.profiling.parse.cv import ParsedCV, parse_document, src
from app.profiling.parse.dates import parse_date, today_partial, union_months
from app.profiling.skills import extract_skills
from app.profiling.summary import profile_text
from app.profiling.taxonomy import Taxonomy, load_taxonomy
from app.profiling.titles import suggest_titles


@dataclass(frozen=True)
class SourceDocument:
    document_id: int | str
    filename: str
    document: ExtractedDocument


def build_profile(
    docs: list[SourceDocument],
    *,
    failed: Sequence[DocumentError] = (),
    taxonomy: Taxonomy | None = None,
    today: date | None = None,
) -> Profile:
    """One profile from the documents that could be read.

    `failed` are the errors of files that could not be read: they become warnings,
    so the user sees them beside a profile built from the others.
    """
    taxonomy = taxonomy or load_taxonomy()
    profile = Profile()
    profile.warnings.extend(str(error) for error in failed)
    parsed: list[tuple[SourceDocument, ParsedCV]] = []
    for doc in docs:
        cv = parse_document(doc.document, taxonomy)
        parsed.append((doc, cv))
        info = DocumentInfo(
            document_id=doc.document_id,
            filename=doc.filename,
            media_type=doc.document.media_type,
            pages=len(doc.document.pages),
            warnings=list(doc.document.warnings),
        )
        profile.documents.append(info)
        profile.warnings.extend(info.warnings)
    per_doc_skills = []
    for doc, cv in parsed:
        skills = extract_skills(cv, taxonomy)
        _stamp(doc, cv, skills)
        per_doc_skills.append(skills)
        thin = _thin_warning(doc, cv, skills)
        if thin:
            profile.warnings.append(thin)
    _contact(profile, parsed)
    profile.experience = merge_experience([cv.experience for _, cv in parsed], profile.conflicts)
    profile.education = dedupe(
        [e for _, cv in parsed for e in cv.education], lambda e: norm(f"{e.degree} {e.institution}")
    )
    profile.certifications = dedupe(
        [c for _, cv in parsed for c in cv.certifications], lambda c: norm(c.name)
    )
    profile.languages = dedupe([lang for _, cv in parsed for lang in cv.languages],
                               lambda lang: norm(lang.name))  # fmt: skip
    for _, cv in parsed:
        refs = cv.references
        profile.references.available_on_request |= refs.available_on_request
        profile.references.source = profile.references.source or refs.source
        profile.references.referees.extend(refs.referees)
    profile.references.referees = dedupe(profile.references.referees, lambda r: norm(r.name))
    profile.skills = _merge_skills(per_doc_skills)
    profile.summary = next((cv.summary for _, cv in parsed if cv.summary), None)
    profile.years_experience = _years(profile, parsed, today)
    profile.suggested_job_titles = suggest_titles(
        profile.experience, profile.skills, taxonomy, headline=profile.headline, today=today
    )
    profile.profile_text = profile_text(profile)
    return profile


def _stamp(doc: SourceDocument, cv: ParsedCV, skills) -> None:
    """Put the document id and file name on every source from this document."""
    objects = [*cv.experience, *cv.education, *cv.certifications, *cv.languages, *skills,
               *cv.references.referees]  # fmt: skip
    sources = [o.source for o in objects]
    if cv.references.source:
        sources.append(cv.references.source)
    stamp = {"document_id": doc.document_id, "filename": doc.filename}
    for source in sources:
        # Plain dict update: the values are already valid, and pydantic's checked
        # setattr costs more than the rest of this function on a long CV.
        source.__dict__.update(stamp)


def _source(doc: SourceDocument, line) -> Source:
    s = src(line)
    s.document_id, s.filename = doc.document_id, doc.filename
    return s


def _contact(profile: Profile, parsed) -> None:
    def first(getter):
        out = []
        for doc, cv in parsed:
            found = getter(cv.contact)
            for f in found if isinstance(found, list) else [found]:
                if f is not None:
                    out.append((f.value, _source(doc, f.line)))
        return out

    conflicts = profile.conflicts
    for field, getter, key in (
        ("name", lambda c: c.name, norm),
        ("email", lambda c: c.emails[:1], lambda v: v.lower()),
        ("phone", lambda c: c.phones[:1], phone_key),
        ("location", lambda c: c.location, norm),
        ("headline", lambda c: c.headline, norm),
    ):
        value, source = pick_scalar(field, first(getter), conflicts if field != "headline" else [],
                                    key)  # fmt: skip
        setattr(profile, field, value)
        if source is not None:
            profile.provenance[field] = source
    links = []
    for doc, cv in parsed:
        for kind, found in cv.contact.links:
            links.append(Link(kind=kind, url=found.value, source=_source(doc, found.line)))
    profile.links = dedupe(links, lambda link: link.url.lower().rstrip("/").split("://")[-1])


def _merge_skills(per_doc):
    by_key: dict[str, object] = {}
    for skills in per_doc:
        for item in skills:
            key = item.id or norm(item.name)
            if key in by_key:
                by_key[key].mentions += item.mentions
            else:
                by_key[key] = item
    return sorted(by_key.values(), key=lambda i: (-i.mentions, i.id is None))


def _years(profile: Profile, parsed, today: date | None) -> float | None:
    now = today_partial(today)
    ranges = []
    for entry in profile.experience:
        start = parse_date(entry.start) if entry.start else None
        if start is None:
            continue
        end = now if entry.end == "present" else (parse_date(entry.end) if entry.end else None)
        ranges.append((start, end or start))
    if ranges:
        return round(union_months(ranges) / 12, 1)
    for _, cv in parsed:
        if cv.years_claimed:
            return float(cv.years_claimed[0])
    return None


def _thin_warning(doc: SourceDocument, cv: ParsedCV, skills) -> str | None:
    kinds = cv.section_kinds()
    structure = sum(k in kinds for k in ("experience", "education", "skills", "summary"))
    has_contact = bool(cv.contact.emails or cv.contact.phones)
    if structure >= 2 or (structure == 1 and has_contact) or cv.experience:
        return None
    return (
        f"“{doc.filename}” does not look like a CV (no experience, education or skills "
        "sections were found): the profile is thin."
    )
