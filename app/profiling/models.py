"""The profile and its parts, as pydantic models.

Every parsed value keeps a `Source`: which document, page and line it came
from, so the UI can show where a fact was read and conflicts can be explained.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class Source(BaseModel):
    document_id: int | str | None = None
    filename: str | None = None
    page: int | None = None
    line: int | None = None


class Link(BaseModel):
    kind: str  # "linkedin", "github", "portfolio" or "other"
    url: str
    source: Source = Field(default_factory=Source)


class ExperienceEntry(BaseModel):
    title: str | None = None
    company: str | None = None
    location: str | None = None
    start: str | None = None  # "2020-01" or "2020"
    end: str | None = None  # "2022-03", "2022" or "present"
    bullets: list[str] = Field(default_factory=list)
    occupation_code: str | None = None
    source: Source = Field(default_factory=Source)


class EducationEntry(BaseModel):
    degree: str | None = None
    institution: str | None = None
    location: str | None = None
    start: str | None = None
    end: str | None = None
    details: list[str] = Field(default_factory=list)
    source: Source = Field(default_factory=Source)


class Certification(BaseModel):
    name: str
    date: str | None = None
    source: Source = Field(default_factory=Source)


class Language(BaseModel):
    name: str
    level: str | None = None
    source: Source = Field(default_factory=Source)


class Referee(BaseModel):
    name: str | None = None
    details: str | None = None
    email: str | None = None
    phone: str | None = None
    source: Source = Field(default_factory=Source)


class References(BaseModel):
    available_on_request: bool = False
    referees: list[Referee] = Field(default_factory=list)
    source: Source | None = None


class SkillItem(BaseModel):
    name: str
    category: str
    evidence: str  # the CV text the skill was found in; never empty
    id: str | None = None  # taxonomy id; None for a skill listed in the CV but not in it
    mentions: int = 1
    source: Source = Field(default_factory=Source)


class SuggestedTitle(BaseModel):
    title: str
    score: float  # 0..1
    reason: str
    occupation_code: str
    family: str


class DocumentInfo(BaseModel):
    document_id: int | str
    filename: str
    media_type: str
    pages: int
    warnings: list[str] = Field(default_factory=list)


class ConflictValue(BaseModel):
    value: str
    source: Source


class Conflict(BaseModel):
    field: str  # "phone", "experience", ...
    message: str
    values: list[ConflictValue]


class Profile(BaseModel):
    """One profile built from one or more CVs."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    headline: str | None = None
    links: list[Link] = Field(default_factory=list)
    profile_text: str = ""
    summary: str | None = None  # the CV's own summary paragraph, as written
    years_experience: float | None = None
    skills: list[SkillItem] = Field(default_factory=list)
    experience: list[ExperienceEntry] = Field(default_factory=list)
    education: list[EducationEntry] = Field(default_factory=list)
    certifications: list[Certification] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    references: References = Field(default_factory=References)
    suggested_job_titles: list[SuggestedTitle] = Field(default_factory=list)
    documents: list[DocumentInfo] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    provenance: dict[str, Source] = Field(default_factory=dict)  # for name, email, phone, ...
