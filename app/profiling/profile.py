"""Build one `Profile` from one or more extracted CVs (and JSON Resumes).

Pure and synchronous: the caller extracts the documents (on the extraction
thread) and saves the result. `today` is a parameter so "present" is testable.
`ProfileBuilder` does the work in the three stages a workflow reports
(parse; skills and titles; summary); `build_profile` runs them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.profiling.errors import DocumentError
from app.profiling.extract.types import ExtractedDocument
from app.profiling.merge import dedupe, merge_experience, norm, phone_key, pick_scalar
from app.profiling.models import DocumentInfo, Link, Profile, SkillItem, Source
from app.profiling.parse.cv import ParsedCV, parse_document, src
from app.profiling.parse.dates import parse_date, today_partial, union_months
from app.profiling.skills import extract_skills
from app.profiling.summary import profile_text
from app.profiling.taxonomy import Taxonomy, load_taxonomy
from app.profiling.titles import suggest_titles

JSON_RESUME = "application/json"
CONTACT_FIELDS = ("name", "email", "phone", "location", "headline")


@dataclass(frozen=True)
class SourceDocument:
    document_id: int | str
    filename: str
    document: ExtractedDocument


@dataclass(frozen=True)
class ImportedDocument:
    """A profile someone already wrote down (a JSON Resume): merged like a CV, not parsed."""

    document_id: int | str
    filename: str
    profile: Profile


@dataclass
class _Part:
    """What one document gives: its parsed CV, or the profile it holds."""

    doc: SourceDocument | ImportedDocument
    cv: ParsedCV | None = None
    imported: Profile | None = None

    def contact(self, field: str) -> tuple[str, Source] | None:
        if self.cv is None:
            value = getattr(self.imported, field)
            return (value, _stamped(Source(), self.doc)) if value else None
        contact = self.cv.contact
        found = {
            "name": contact.name,
            "email": contact.emails[0] if contact.emails else None,
            "phone": contact.phones[0] if contact.phones else None,
            "location": contact.location,
            "headline": contact.headline,
        }[field]
        return (found.value, _stamped(src(found.line), self.doc)) if found else None

    def links(self) -> list[Link]:
        if self.cv is None:
            return list(self.imported.links)
        return [Link(kind=kind, url=found.value, source=_stamped(src(found.line), self.doc))
                for kind, found in self.cv.contact.links]  # fmt: skip

    def facts(self, name: str) -> list:
        """experience, education, certifications or languages of this document."""
        return list(getattr(self.cv if self.cv is not None else self.imported, name))


def build_profile(
    docs: Sequence[SourceDocument | ImportedDocument],
    *,
    failed: Sequence[DocumentError] = (),
    taxonomy: Taxonomy | None = None,
    today: date | None = None,
) -> Profile:
    """One profile from the documents that could be read.

    `failed` are the errors of files that could not be read: they become warnings,
    so the user sees them beside a profile built from the others.
    """
    builder = ProfileBuilder(docs, failed=failed, taxonomy=taxonomy, today=today)
    builder.parse()
    builder.skills_and_titles()
    return builder.summarize()


class ProfileBuilder:
    """`build_profile` in stages, so a workflow can report (and be cancelled) between them.

    After `parse()` the contact fields may be changed (the user's own edits) before
    the later stages use them: the summary names the person as the user wrote it.
    """

    def __init__(
        self,
        docs: Sequence[SourceDocument | ImportedDocument],
        *,
        failed: Sequence[DocumentError] = (),
        taxonomy: Taxonomy | None = None,
        today: date | None = None,
    ) -> None:
        self.taxonomy = taxonomy or load_taxonomy()
        self.today = today
        self.docs = list(docs)
        self.profile = Profile()
        self.profile.warnings.extend(str(error) for error in failed)
        self._parts: list[_Part] = []

    def parse(self) -> Profile:
        """Contact, experience, education and the rest, merged across the documents."""
        profile = self.profile
        for doc in self.docs:
            part = self._part(doc)
            self._parts.append(part)
            profile.warnings.extend(profile.documents[-1].warnings)
        parts = self._parts
        _contact(profile, parts)
        profile.experience = merge_experience([p.facts("experience") for p in parts],
                                              profile.conflicts)  # fmt: skip
        profile.education = dedupe([e for p in parts for e in p.facts("education")],
                                   lambda e: norm(f"{e.degree} {e.institution}"))  # fmt: skip
        profile.certifications = dedupe([c for p in parts for c in p.facts("certifications")],
                                        lambda c: norm(c.name))  # fmt: skip
        profile.languages = dedupe([lang for p in parts for lang in p.facts("languages")],
                                   lambda lang: norm(lang.name))  # fmt: skip
        for part in parts:
            refs = (part.cv or part.imported).references
            profile.references.available_on_request |= refs.available_on_request
            profile.references.source = profile.references.source or refs.source
            profile.references.referees.extend(refs.referees)
        profile.references.referees = dedupe(profile.references.referees, lambda r: norm(r.name))
        profile.summary = next((s for p in parts if (s := (p.cv or p.imported).summary)), None)
        profile.years_experience = _years(profile, parts, self.today)
        return profile

    def skills_and_titles(self) -> Profile:
        profile = self.profile
        per_doc: list[list[SkillItem]] = []
        for part in self._parts:
            if part.cv is None:
                per_doc.append(list(part.imported.skills))
                continue
            skills = extract_skills(part.cv, self.taxonomy)
            _stamp(part.doc, [s.source for s in skills])
            per_doc.append(skills)
        profile.skills = _merge_skills(per_doc)
        profile.suggested_job_titles = suggest_titles(
            profile.experience, profile.skills, self.taxonomy,
            headline=profile.headline, today=self.today,
        )  # fmt: skip
        return profile

    def summarize(self) -> Profile:
        self.profile.profile_text = profile_text(self.profile)
        return self.profile

    def _part(self, doc: SourceDocument | ImportedDocument) -> _Part:
        if isinstance(doc, ImportedDocument):
            imported = doc.profile.model_copy(deep=True)
            objects = [*imported.experience, *imported.education, *imported.certifications,
                       *imported.languages, *imported.skills, *imported.links,
                       *imported.references.referees]  # fmt: skip
            _stamp(doc, [o.source for o in objects])
            self.profile.documents.append(DocumentInfo(
                document_id=doc.document_id, filename=doc.filename, media_type=JSON_RESUME,
                pages=1,
            ))  # fmt: skip
            return _Part(doc, imported=imported)
        cv = parse_document(doc.document, self.taxonomy)
        refs = cv.references
        objects = [*cv.experience, *cv.education, *cv.certifications, *cv.languages,
                   *refs.referees]  # fmt: skip
        _stamp(doc, [o.source for o in objects] + ([refs.source] if refs.source else []))
        info = DocumentInfo(
            document_id=doc.document_id,
            filename=doc.filename,
            media_type=doc.document.media_type,
            pages=len(doc.document.pages),
            warnings=list(doc.document.warnings),
        )
        thin = _thin_warning(doc, cv)
        if thin:
            info.warnings.append(thin)
        self.profile.documents.append(info)
        return _Part(doc, cv=cv)


def _stamp(doc: SourceDocument | ImportedDocument, sources: list[Source]) -> None:
    """Put the document id and file name on every source from this document."""
    stamp = {"document_id": doc.document_id, "filename": doc.filename}
    for source in sources:
        # Plain dict update: the values are already valid, and pydantic's checked
        # setattr costs more than the rest of this function on a long CV.
        source.__dict__.update(stamp)


def _stamped(source: Source, doc: SourceDocument | ImportedDocument) -> Source:
    _stamp(doc, [source])
    return source


def _contact(profile: Profile, parts: list[_Part]) -> None:
    conflicts = profile.conflicts
    keys = {"email": lambda v: v.lower(), "phone": phone_key}
    for field in CONTACT_FIELDS:
        candidates = [found for part in parts if (found := part.contact(field))]
        value, source = pick_scalar(field, candidates, conflicts if field != "headline" else [],
                                    keys.get(field, norm))  # fmt: skip
        setattr(profile, field, value)
        if source is not None:
            profile.provenance[field] = source
    links = [link for part in parts for link in part.links()]
    profile.links = dedupe(links, lambda link: link.url.lower().rstrip("/").split("://")[-1])


def _merge_skills(per_doc: list[list[SkillItem]]) -> list[SkillItem]:
    by_key: dict[str, SkillItem] = {}
    for skills in per_doc:
        for item in skills:
            key = item.id or norm(item.name)
            if key in by_key:
                by_key[key].mentions += item.mentions
            else:
                by_key[key] = item
    return sorted(by_key.values(), key=lambda i: (-i.mentions, i.id is None))


def _years(profile: Profile, parts: list[_Part], today: date | None) -> float | None:
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
    for part in parts:
        if part.cv is not None and part.cv.years_claimed:
            return float(part.cv.years_claimed[0])
        if part.imported is not None and part.imported.years_experience:
            return part.imported.years_experience
    return None


def _thin_warning(doc: SourceDocument, cv: ParsedCV) -> str | None:
    kinds = cv.section_kinds()
    structure = sum(k in kinds for k in ("experience", "education", "skills", "summary"))
    has_contact = bool(cv.contact.emails or cv.contact.phones)
    if structure >= 2 or (structure == 1 and has_contact) or cv.experience:
        return None
    return (
        f"“{doc.filename}” does not look like a CV (no experience, education or skills "
        "sections were found): the profile is thin."
    )
