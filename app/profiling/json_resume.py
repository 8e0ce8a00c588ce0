"""JSON Resume 1.0 (https://jsonresume.org/schema) export and import.

Export keeps what JSON Resume has a place for; our extras (evidence,
provenance, suggested titles, conflicts) go under "meta" so a round trip
loses nothing that matters. Import builds a Profile whose sources name the
JSON file, not a page and line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app.profiling.models import (
    Certification,
    EducationEntry,
    ExperienceEntry,
    Language,
    Link,
    Profile,
    Referee,
    SkillItem,
    Source,
)
from app.profiling.summary import profile_text
from app.profiling.taxonomy import Taxonomy, load_taxonomy

SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def _date(value: str | None) -> str | None:
    return None if not value or value == "present" else value


def to_json_resume(profile: Profile | dict[str, Any]) -> dict[str, Any]:
    """JSON Resume 1.0 for a Profile (or its `model_dump(mode="json")` dict)."""
    profile = as_profile(profile)
    basics: dict[str, Any] = {
        "name": profile.name or "",
        "label": profile.headline or "",
        "email": profile.email or "",
        "phone": profile.phone or "",
        "summary": profile.summary or profile.profile_text,
        "location": {"address": profile.location or ""},
        "profiles": [],
    }
    for link in profile.links:
        if link.kind in ("linkedin", "github"):
            network = "LinkedIn" if link.kind == "linkedin" else "GitHub"
            basics["profiles"].append({"network": network, "url": link.url})
        elif "url" not in basics:
            basics["url"] = link.url
    work = []
    for e in profile.experience:
        item = {"name": e.company or "", "position": e.title or "", "highlights": e.bullets}
        if e.location:
            item["location"] = e.location
        if e.start:
            item["startDate"] = e.start
        if _date(e.end):
            item["endDate"] = e.end
        work.append(item)
    education = []
    for ed in profile.education:
        item = {"institution": ed.institution or "", "studyType": ed.degree or "", "area": ""}
        if ed.start:
            item["startDate"] = ed.start
        if _date(ed.end):
            item["endDate"] = ed.end
        if ed.details:
            item["courses"] = ed.details
        education.append(item)
    return {
        "$schema": SCHEMA,
        "basics": basics,
        "work": work,
        "education": education,
        "certificates": [
            {"name": c.name, **({"date": c.date} if c.date else {})}
            for c in profile.certifications
        ],
        "skills": [{"name": s.name, "keywords": [s.category]} for s in profile.skills],
        "languages": [
            {"language": lang.name, "fluency": lang.level or ""} for lang in profile.languages
        ],
        "references": [
            {"name": r.name or "", "reference": r.details or ""}
            for r in profile.references.referees
        ],
        "meta": {
            "version": "v1.0.0",
            "jobagent": {
                "profile_text": profile.profile_text,
                "years_experience": profile.years_experience,
                "references_available_on_request": profile.references.available_on_request,
                "skills": [s.model_dump(mode="json") for s in profile.skills],
                "suggested_job_titles": [
                    t.model_dump(mode="json") for t in profile.suggested_job_titles
                ],
            },
        },
    }


def as_profile(value: Profile | dict[str, Any]) -> Profile:
    """A Profile from a Profile or a dict of its fields; unknown keys are ignored and
    plain-string skills ("Python") are accepted, as an edit form may hold them."""
    if isinstance(value, Profile):
        return value
    data = {k: v for k, v in value.items() if k in Profile.model_fields}
    skills = data.get("skills") or []
    data["skills"] = [
        {"name": s, "category": "Other", "evidence": "entered by the user"}
        if isinstance(s, str) else s
        for s in skills
    ]  # fmt: skip
    try:
        return Profile.model_validate(data)
    except ValidationError:
        scalars = ("name", "email", "phone", "location", "headline", "profile_text", "summary")
        return Profile(**{k: data[k] for k in scalars if isinstance(data.get(k), str)})


def from_json_resume(
    data: dict[str, Any], *, filename: str = "resume.json", taxonomy: Taxonomy | None = None
) -> Profile:
    """A Profile from a JSON Resume document. Skills are matched to the taxonomy."""
    taxonomy = taxonomy or load_taxonomy()
    source = Source(document_id=filename, filename=filename)
    basics = data.get("basics") or {}
    location = basics.get("location") or {}
    place = location.get("address") or ", ".join(
        p for p in (location.get("city"), location.get("region"), location.get("countryCode")) if p
    )
    profile = Profile(
        name=basics.get("name") or None,
        email=basics.get("email") or None,
        phone=basics.get("phone") or None,
        location=place or None,
        headline=basics.get("label") or None,
        summary=basics.get("summary") or None,
    )
    for p in basics.get("profiles") or []:
        url = p.get("url") or p.get("username") or ""
        network = (p.get("network") or "").lower()
        kind = network if network in ("linkedin", "github") else "other"
        if url:
            profile.links.append(Link(kind=kind, url=url, source=source))
    if basics.get("url"):
        profile.links.append(Link(kind="portfolio", url=basics["url"], source=source))
    for w in data.get("work") or []:
        profile.experience.append(ExperienceEntry(
            title=w.get("position") or None, company=w.get("name") or w.get("company") or None,
            location=w.get("location") or None, start=w.get("startDate") or None,
            end=w.get("endDate") or ("present" if w.get("startDate") else None),
            bullets=list(w.get("highlights") or ([w["summary"]] if w.get("summary") else [])),
            source=source,
        ))  # fmt: skip
    for e in data.get("education") or []:
        degree = " ".join(p for p in (e.get("studyType"), e.get("area")) if p) or None
        profile.education.append(EducationEntry(
            degree=degree, institution=e.get("institution") or None,
            start=e.get("startDate") or None, end=e.get("endDate") or None,
            details=list(e.get("courses") or []), source=source,
        ))  # fmt: skip
    for c in data.get("certificates") or []:
        if c.get("name"):
            profile.certifications.append(
                Certification(name=c["name"], date=c.get("date"), source=source)
            )
    for lang in data.get("languages") or []:
        if lang.get("language"):
            profile.languages.append(
                Language(name=lang["language"], level=lang.get("fluency") or None, source=source)
            )
    for r in data.get("references") or []:
        profile.references.referees.append(
            Referee(name=r.get("name") or None, details=r.get("reference") or None, source=source)
        )
    for s in data.get("skills") or []:
        name = s.get("name") or ""
        for term in [name, *(s.get("keywords") or [])]:
            skill = taxonomy.skill_by_name(term)
            evidence = f"JSON Resume skill: {name}" + (f" ({term})" if term != name else "")
            if skill is not None:
                _add_skill(profile, SkillItem(id=skill.id, name=skill.name,
                                              category=skill.category, evidence=evidence,
                                              source=source))  # fmt: skip
            elif term == name and name:
                _add_skill(profile, SkillItem(name=name, category="Other", evidence=evidence,
                                              source=source))  # fmt: skip
    profile.profile_text = profile_text(profile)
    return profile


def _add_skill(profile: Profile, item: SkillItem) -> None:
    key = item.id or item.name.lower()
    if all((s.id or s.name.lower()) != key for s in profile.skills):
        profile.skills.append(item)


def export_file(profile: Profile, path: Path) -> None:
    path.write_text(json.dumps(to_json_resume(profile), indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")  # fmt: skip


def import_file(path: Path, *, taxonomy: Taxonomy | None = None) -> Profile:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return from_json_resume(data, filename=Path(path).name, taxonomy=taxonomy)
