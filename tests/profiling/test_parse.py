"""Parsing: sections, contact, experience, education, extras."""

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


def profile(text: str, *, today=date(2026, 11, 1)):
    return build_profile([SourceDocument(1, "cv.txt", ExtractedDocument(TEXT, [text]))],
                         today=today)  # fmt: skip


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("PROFESSIONAL SUMMARY", "summary"), ("About Me", "summary"), ("Profile", "summary"),
        ("Work History", "experience"), ("Employment", "experience"), ("Career", "experience"),
        ("Relevant Experience:", "experience"), ("Education & Qualifications", "education"),
        ("Core Competencies", "skills"), ("Key Skills", "skills"), ("Areas of Expertise", "skills"),
        ("Licences & Certifications", "certifications"), ("Languages", "languages"),
        ("Personal Projects", "projects"), ("Referees", "references"),
        ("Volunteer Experience", "experience"), ("E X P E R I E N C E", "experience"),
        ("Programming Languages", "skills"),
    ],
)  # fmt: skip
def test_headings_whatever_the_wording(heading, kind):
    assert heading_kind(heading) == kind


@pytest.mark.parametrize(
    "line", ["Excellent communication skills", "Staff Nurse", "References available on request",
             "Managed the education team at a school"],
)  # fmt: skip
def test_ordinary_lines_are_not_headings(line):
    assert heading_kind(line) is None


CV = """JOHN SMITH
Electrician
Austin, TX 78701 | (512) 555-0188 | john.smith@example.com
linkedin.com/in/johnsmith | github.com/jsmith | johnsmith.dev

Work History
Journeyman Electrician, Lone Star Electric LLC, Austin, TX    April 2019 - current
• Install conduit and branch circuits in commercial buildings
• Troubleshoot motor controls
Apprentice Electrician
Bright Spark Co. | Round Rock, TX
Jan 2015 – Mar 2019
• Residential wiring and panel upgrades
2016 - 2018
Weekend Electrician's Helper, Smith & Sons

Education & Training
High School Diploma, Westwood High School, 2014
Electrical Apprenticeship, IEC Texas, 2015 - 2019

Certifications
Texas Journeyman Electrician License (2019); OSHA 30, 2020

Languages
English (native), Spanish – conversational

References
Mr Bob Jones, Site Manager, Lone Star Electric
bob.jones@example.com, (512) 555-0100
"""


def test_contact_fields_and_links():
    p = profile(CV)
    assert (p.name, p.email, p.phone) == ("John Smith", "john.smith@example.com", "(512) 555-0188")
    assert p.location == "Austin, TX"  # the town, not the postcode
    assert p.headline == "Electrician"
    kinds = {link.kind: link.url for link in p.links}
    assert kinds == {"linkedin": "linkedin.com/in/johnsmith", "github": "github.com/jsmith",
                     "portfolio": "johnsmith.dev"}  # fmt: skip
    assert p.provenance["email"].line == 3 and p.provenance["email"].page == 1


def test_experience_entries_in_several_layouts():
    p = profile(CV)
    first, second, third = p.experience
    assert (first.title, first.company, first.location) == (
        "Journeyman Electrician", "Lone Star Electric LLC", "Austin, TX")
    assert (first.start, first.end) == ("2019-04", "present")
    assert first.bullets == ["Install conduit and branch circuits in commercial buildings",
                             "Troubleshoot motor controls"]  # fmt: skip
    assert (second.title, second.company, second.location) == (
        "Apprentice Electrician", "Bright Spark Co.", "Round Rock, TX")
    assert (second.start, second.end) == ("2015-01", "2019-03")
    assert third.title == "Weekend Electrician's Helper" and third.company == "Smith & Sons"
    assert first.source.line == 7


def test_years_of_experience_is_the_union_of_ranges():
    # 2015-01..2019-03 and 2016..2018 overlap; 2019-04..2026-11 follows on: 2015-01..2026-11.
    assert profile(CV).years_experience == round(143 / 12, 1)


def test_education_certifications_languages_references():
    p = profile(CV)
    degrees = [(e.degree, e.institution, e.end) for e in p.education]
    assert ("High School Diploma", "Westwood High School", "2014") in degrees
    assert [(c.name, c.date) for c in p.certifications] == [
        ("Texas Journeyman Electrician License", "2019"), ("OSHA 30", "2020")]
    assert [(lang.name, lang.level) for lang in p.languages] == [
        ("English", "native"), ("Spanish", "conversational")]
    assert not p.references.available_on_request
    ref = p.references.referees[0]
    assert ref.name == "Bob Jones" and ref.email == "bob.jones@example.com"
    assert ref.phone == "(512) 555-0100"
    # The referee's phone and e-mail are not the candidate's.
    assert p.phone == "(512) 555-0188"


def test_issuer_after_a_comma_stays_with_its_certificate_and_languages_in_skills():
    p = profile(
        "Maria Gonzalez\nmaria@example.org\n\nCERTIFICATIONS\n"
        "Registered Nurse, Arizona State Board of Nursing\n"
        "BLS, ACLS, PALS (American Heart Association)\n\n"
        "SKILLS\nTriage · Patient Assessment · Spanish (fluent)\n"
    )
    assert [c.name for c in p.certifications] == [
        "Registered Nurse, Arizona State Board of Nursing",
        "BLS", "ACLS", "PALS (American Heart Association)"]  # fmt: skip
    assert [(lang.name, lang.level) for lang in p.languages] == [("Spanish", "fluent")]


def test_references_available_on_request_anywhere():
    text = "Jane Doe\njane@example.com\n\nSkills\nExcel, Sage\n\nReferences available on request."
    p = profile(text)
    assert p.references.available_on_request


def test_title_then_dates_then_company_on_next_line():
    text = ("Jane Doe\n\nExperience\nStaff Nurse   Sept 2015 - Feb 2019\n"
            "St James's Hospital, Leeds\n• Wound care")
    (entry,) = profile(text).experience
    assert (entry.title, entry.company) == ("Staff Nurse", "St James's Hospital")
    assert entry.location == "Leeds"
    assert entry.bullets == ["Wound care"]


def test_wrapped_bullets_are_joined():
    text = ("Experience\nCashier, Tesco Stores Ltd, 2018 - 2020\n• Served customers and handled\n"
            "cash and card payments\n• Stock rotation")
    (entry,) = profile(text).experience
    assert entry.bullets == [
        "Served customers and handled cash and card payments", "Stock rotation"]


def test_years_claimed_is_used_only_without_dated_jobs():
    text = "Jane Doe\n\nSummary\nAdministrator with 6 years of office experience.\n\nSkills\nExcel"
    p = profile(text)
    assert p.years_experience == 6.0


def test_sections_keep_line_numbers():
    cv = parse(CV)
    skills_like = next(s for s in cv.sections if s.kind == "certifications")
    assert skills_like.heading.line == 21
    assert skills_like.lines[0].line == 22


def test_company_line_then_several_roles():
    text = ("Maria Garcia\nmaria@example.com\n\nPROFESSIONAL EXPERIENCE:\n"
            "ACME CORPORATION, New York, NY\nSenior Accountant        2019 – Present\n"
            "• Prepared monthly financial statements\n"
            "Accountant               2016 – 2019\n• Reconciled bank accounts\n")
    first, second = profile(text).experience
    assert (first.title, first.company, first.location) == (
        "Senior Accountant", "ACME CORPORATION", "New York, NY")
    assert (second.title, second.company) == ("Accountant", "ACME CORPORATION")


def test_jobs_without_an_experience_heading():
    text = ("JAMES WILSON\nWarehouse Associate | Forklift Certified\n\n"
            "2019 – Present   Warehouse Associate, Amazon, Dallas, TX\n- Picked and packed orders\n"
            "2016 – 2019   Stocker, Walmart, Dallas, TX\n- Stocked shelves\n\n"
            "Certifications: OSHA Forklift Certification (2019)\nPhone: 214-555-0199\n"
            "Email: jwilson@example.com\n")
    p = profile(text)
    assert [(e.title, e.company) for e in p.experience] == [
        ("Warehouse Associate", "Amazon"), ("Stocker", "Walmart")]
    assert [c.name for c in p.certifications] == ["OSHA Forklift Certification"]
    assert p.phone == "214-555-0199" and not p.warnings


def test_longer_overlapping_skill_wins():
    p = profile("Skills\nManaged accounts payable for 3 sites")
    assert [s.name for s in p.skills] == ["Accounts payable"]


def test_symbol_font_bullets_and_page_numbers():
    text = ("Jane Doe\n\nExperience\nCashier, Tesco Stores Ltd, 2018 - 2020\n"
            "\uf0b7 Served customers\n\uf0b7 Cash handling\nPage 1 of 2\n")
    (entry,) = profile(text).experience
    assert entry.bullets == ["Served customers", "Cash handling"]


def test_course_lists_in_education_are_certifications():
    text = ("Grace Adeyemi\n\nTraining\nCare Certificate (2020); Safeguarding Adults; Basic Life "
            "Support\nFull UK driving licence\n\nEducation\nACCA, 2019\n"
            "BA (Hons) Accounting, Manchester Metropolitan University, 2013 - 2016\n")
    p = profile(text)
    assert [c.name for c in p.certifications] == [
        "Care Certificate", "Safeguarding Adults", "Basic Life Support", "Full UK driving licence",
        "ACCA"]  # fmt: skip
    assert [(e.degree, e.institution, e.start, e.end) for e in p.education] == [
        ("BA (Hons) Accounting", "Manchester Metropolitan University", "2013", "2016")]


def test_job_qualifier_and_trailing_town():
    text = ("Experience\nBackend Developer (contract)  2014 - 2015\n"
            "Logistik Partner GmbH, Munich\n• Built a service\n"
            "Picker Packer, DHL Supply Chain, Northampton  2017 - 2020\n• Picked\n")
    second, first = profile(text).experience  # most recent first
    assert (first.title, first.company) == ("Backend Developer", "Logistik Partner GmbH")
    assert (second.company, second.location) == ("DHL Supply Chain", "Northampton")


def test_languages_in_a_skills_list_are_languages():
    p = profile("Skills\nCustomer service\nCash handling\nBilingual: English & Spanish\n")
    assert [lang.name for lang in p.languages] == ["English", "Spanish"]
    assert {s.name for s in p.skills} == {"Customer service", "Cash handling"}
