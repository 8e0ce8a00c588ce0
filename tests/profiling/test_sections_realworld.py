"""Section headings as real CVs write them, and lines that close a section."""

from __future__ import annotations

from datetime import date

import pytest

from app.profiling.extract.types import TEXT, ExtractedDocument
from app.profiling.parse.cv import parse_document
from app.profiling.parse.sections import heading_kind
from app.profiling.profile import SourceDocument, build_profile
from app.profiling.taxonomy import load_taxonomy


def parse(text: str):
    return parse_document(ExtractedDocument(TEXT, [text]), load_taxonomy())


def profile(text: str):
    doc = SourceDocument(1, "cv.txt", ExtractedDocument(TEXT, [text]))
    return build_profile([doc], today=date(2026, 11, 1))


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("LICENSURE & CERTIFICATIONS", "certifications"), ("Licensure", "certifications"),
        ("Professional Licenses", "certifications"), ("State Licenses", "certifications"),
        ("Registrations", "certifications"), ("Credentials", "certifications"),
        ("Board Certifications", "certifications"), ("Security Clearance", "certifications"),
        ("Professional Qualifications", "certifications"),
        ("Mother tongue(s)", "languages"), ("Other language(s)", "languages"),
        ("Other", "other"), ("Other Information", "other"), ("Additional Skills", "skills"),
        ("Other Experience", "experience"), ("Personal Information", "contact"),
        ("Contact Details", "contact"), ("Communication skills", "skills"),
        ("Organisational / managerial skills", "skills"),
        ("BERUFSERFAHRUNG", "experience"), ("Sprachkenntnisse", "languages"),
        ("Persönliche Daten", "contact"), ("Expérience professionnelle", "experience"),
        ("Formación académica", "education"), ("Idiomas", "languages"),
    ],
)  # fmt: skip
def test_heading_variants(heading, kind):
    assert heading_kind(heading) == kind


@pytest.mark.parametrize(
    "line", ["Excellent communication skills", "Other duties as assigned", "Work permit",
             "Valid driving licence", "First Aid"],
)  # fmt: skip
def test_lines_that_stay_lines(line):
    assert heading_kind(line) is None


def test_licensure_heading_yields_the_licences():
    cv = parse(
        "JORDAN BLAKE\nPhoenix, AZ | (602) 555-0144\n\n"
        "LICENSURE & CERTIFICATIONS\n"
        "Registered Nurse, Arizona State Board of Nursing – License #RN 123987 (exp. 2027)\n"
        "ACLS – American Heart Association\n"
        "Certified Emergency Nurse (CEN)\n\n"
        "EXPERIENCE\nER Nurse, Banner Health, Phoenix, AZ  2018 - Present\n"
    )
    names = [c.name for c in cv.certifications]
    assert names == [
        "Registered Nurse, Arizona State Board of Nursing – License #RN 123987",
        "ACLS – American Heart Association",
        "Certified Emergency Nurse (CEN)",
    ]
    assert cv.certifications[0].date == "2027"


def test_other_heading_ends_education():
    cv = parse(
        "Rhys Morgan\n\nEducation\nColeg Cambria – NVQ Level 3 Electrical, 2012 – 2014\n\n"
        "Other\nFull UK driving licence. Own tools.\n"
    )
    assert [s.kind for s in cv.sections][-1] == "other"
    assert cv.education[0].details == []


def test_references_on_request_is_not_a_skill():
    p = profile(
        "Dana Price\nOffice Manager\n\nSkills\n• Payroll\n• Diary management\n\n"
        "References available upon request.\n"
    )
    assert all("request" not in s.name.lower() for s in p.skills)
    assert p.references.available_on_request
