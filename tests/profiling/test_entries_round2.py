"""Second audit: work-history headings, single-date jobs, employer lines above the title,
legal forms, titles over a function, Australian places and postcodes."""

from __future__ import annotations

from datetime import date

import pytest

from app.profiling.extract.types import TEXT, ExtractedDocument
from app.profiling.parse.cv import parse_document
from app.profiling.parse.places import find_place, is_place, place_name
from app.profiling.parse.sections import heading_kind
from app.profiling.profile import SourceDocument, build_profile
from app.profiling.taxonomy import load_taxonomy


def profile(text: str):
    doc = SourceDocument(1, "cv.txt", ExtractedDocument(TEXT, [text]))
    return build_profile([doc], today=date(2026, 11, 1))


def jobs(text: str) -> list[tuple]:
    p = profile(f"Morgan Hale\nmorgan.hale@example.com\n\n{text}")
    return [(e.title, e.company, e.location, e.start, e.end) for e in p.experience]


def kinds(text: str) -> list[str]:
    cv = parse_document(ExtractedDocument(TEXT, [text]), load_taxonomy())
    return [s.kind for s in cv.sections]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # a heading whose head noun names work history is experience, whatever qualifies it
        ("Academic Appointments", "experience"), ("Research Experience", "experience"),
        ("Professional Background", "experience"), ("CAREER HISTORY", "experience"),
        ("Relevant Experience", "experience"), ("Teaching Experience", "experience"),
        ("Board Positions/Appointments", "experience"), ("Volunteer Experience", "experience"),
        ("Clinical Roles", "experience"), ("Employment History", "experience"),
        # ... but a generic head takes the kind of the word before it
        ("Educational Background", "education"), ("Education History", "education"),
        ("Skills Summary", "skills"),
        ("LICENSES & ENDORSEMENTS", "certifications"),
        ("CERTIFICATIONS & DIRECTOR EDUCATION", "certifications"),
        ("SOFTWARE", "skills"), ("Design Software", None), ("Core Competencies", "skills"),
        ("Technical Proficiencies", "skills"), ("Tools", "skills"),
        ("QUALIFICATIONS SUMMARY", "summary"), ("Summary of Qualifications", "summary"),
        ("Research Grants", "awards"), ("Grants & Fellowships", "awards"),
        ("Awards & Honours", "awards"), ("Research Interests", "interests"),
        ("Language Skills", "languages"), ("Programming Languages", "skills"),
        ("Volunteering", "volunteering"),
    ],
)  # fmt: skip
def test_heading_named_by_its_head_noun(heading, kind):
    assert heading_kind(heading) == kind


@pytest.mark.parametrize(
    "line",
    ["Software Development", "Professional Development Coordinator", "User Experience",
     "Customer Experience", "Head of Employment Law", "Director, Operations"],
)  # fmt: skip
def test_lines_that_only_look_like_work_headings(line):
    assert heading_kind(line) is None


def test_a_qualified_experience_heading_is_one_when_dated_entries_follow():
    text = (
        "Summary\nProduct designer who spent six years in hospitality before retraining.\n"
        "Service Design Experience\n"
        "Service Designer, Civic Labs Co-op, Bristol\nFall 2022 – Present\n"
        "• Mapped the renewals journey for a housing charity\n"
        "Hospitality Experience\n"
        "Restaurant Manager, The Green Fig, Bath\n2016 – 2022\n• Ran a team of 14\n"
    )
    assert [job[:2] for job in jobs(text)] == [
        ("Service Designer", "Civic Labs Co-op"),
        ("Restaurant Manager", "The Green Fig"),
    ]


def test_a_skill_named_like_a_heading_stays_in_the_skills_list():
    text = (
        "Ana Lopes\nana@example.com\n\nSkills\nWireframing\nUser Experience\nPrototyping\n\n"
        "Work History\nUX Researcher, Fable Apps, Leeds, 2021 – 2024\n- Ran interviews\n"
    )
    assert kinds(text) == ["header", "skills", "experience"]


def test_a_header_line_above_a_department_line_is_not_cut_off():
    text = (
        "Experience\nHead of Support\nCustomer Experience\nBrightdesk Ltd   2019 – 2023\n"
        "• Built the support team\n"
    )
    assert kinds(f"Sam Reid\nsam@example.com\n\n{text}") == ["header", "experience"]


def test_research_experience_after_a_summary_is_work_not_publications():
    text = (
        "Summary\nEcologist working on river restoration.\n\nResearch Experience\n"
        "Research Fellow, Institute of Zoology, Zoological Society of London — 2020 – present\n"
        "- Led fieldwork on the Thames tributaries\n"
    )
    assert jobs(text) == [
        ("Research Fellow", "Zoological Society of London", None, "2020", "present")
    ]


def test_jobs_dated_by_a_single_period():
    text = (
        "EXPERIENCE\n2021 – 2024  Data Scientist, Ocado Technology, Hatfield\n- Forecasting\n"
        "Summer 2020  Machine Learning Intern, Babylon Health, London\n"
        "Summer 2019  Research Assistant, University of Warwick, Coventry\n- Annotated data\n"
    )
    assert [(j[0], j[3], j[4]) for j in jobs(text)] == [
        ("Data Scientist", "2021", "2024"),
        ("Machine Learning Intern", "2020-07", "2020-07"),
        ("Research Assistant", "2019-07", "2019-07"),
    ]


def test_a_date_alone_on_its_line_dates_the_job_above_it():
    text = (
        "Work Experience\nWarehouse Operative, Hermes Parcelnet, Leicester\nMarch 2022 – Present\n"
        "- Loaded vans\n"
        "Seasonal Picker, Argos, Basingstoke\nDecember 2021\n- Picked orders\n"
        "Kitchen Porter, The Red Lion, Oxford\n2019\n- Washed up\n"
    )
    assert [(j[0], j[1], j[3], j[4]) for j in jobs(text)] == [
        ("Warehouse Operative", "Hermes Parcelnet", "2022-03", "present"),
        ("Seasonal Picker", "Argos", "2021-12", "2021-12"),
        ("Kitchen Porter", "The Red Lion", "2019", "2019"),
    ]


def test_a_year_in_a_body_line_or_a_postcode_is_no_job():
    text = (
        "EXPERIENCE\nLine Cook Apr 2019 – Present\nBistro Nord, Fitzroy VIC 3065\n"
        "– Ran the grill section\nEmployee of the Month, 2020\n– Trained two apprentices\n"
    )
    assert jobs(text) == [("Line Cook", "Bistro Nord", "Fitzroy VIC", "2019-04", "present")]


EXEC = """HELEN MARSH
Chief Financial Officer
Stamford, CT 06901 · helen.marsh@example.com

PROFESSIONAL EXPERIENCE
HARBOR FOODS INC.    Hartford, CT
Chief Financial Officer    2017 – Present
■ Led the refinancing of $1.1B of debt
UNILEVER    Englewood Cliffs, NJ
Senior Vice President, Finance Transformation    2011 – 2017
■ Moved 40 finance processes to shared services
Director, Treasury — Foods Division    2006 – 2011
■ Ran hedging for commodity exposure
Financial Analyst    2003 – 2006
Helen Marsh — Page 2
DELOITTE & TOUCHE LLP    Boston, MA
Audit Associate    2001 – 2003
■ Audited consumer goods clients
"""


def test_employer_lines_above_titles_with_a_running_header_between():
    p = profile(EXEC)
    assert [(e.title, e.company, e.location, e.start) for e in p.experience] == [
        ("Chief Financial Officer", "HARBOR FOODS INC.", "Hartford, CT", "2017"),
        ("Senior Vice President, Finance Transformation", "UNILEVER", "Englewood Cliffs, NJ",
         "2011"),
        ("Director, Treasury — Foods Division", "UNILEVER", "Englewood Cliffs, NJ", "2006"),
        ("Financial Analyst", "UNILEVER", "Englewood Cliffs, NJ", "2003"),
        ("Audit Associate", "DELOITTE & TOUCHE LLP", "Boston, MA", "2001"),
    ]  # fmt: skip


def test_a_rank_over_a_function_on_one_line_keeps_its_function():
    text = (
        "Board Roles\n"
        "Non-Executive Director, Remuneration Committee Chair — Alder Homes Group   "
        "2019 – Present\n"
        "Trustee — St Anne's Hospice   2015 – 2021\n"
    )
    assert [job[:3] for job in jobs(text)] == [
        ("Non-Executive Director, Remuneration Committee Chair", "Alder Homes Group", None),
        ("Trustee", "St Anne's Hospice", None),
    ]


def test_a_legal_form_after_a_comma_belongs_to_the_company():
    text = (
        "Experience\nLegal Secretary · Whitcombe & Hale, P.C. · Albany, NY\nMay 2018 – Present\n"
        "- Managed diaries\n"
        "Office Assistant, Brightline Tools, Inc., Toledo, OH, 2015 – 2018\n- Filing\n"
    )
    assert [job[:3] for job in jobs(text)] == [
        ("Legal Secretary", "Whitcombe & Hale, P.C.", "Albany, NY"),
        ("Office Assistant", "Brightline Tools, Inc.", "Toledo, OH"),
    ]


def test_a_department_names_its_university_as_the_employer():
    text = (
        "Academic Appointments\n"
        "Senior Lecturer, School of Physics, University of Glasgow — 2018 – present\n"
        "Research Associate, Cavendish Laboratory, University of Cambridge — 2014 – 2018\n"
    )
    assert [job[:2] for job in jobs(text)] == [
        ("Senior Lecturer", "University of Glasgow"),
        ("Research Associate", "University of Cambridge"),
    ]


def test_a_wide_gap_separates_the_fields_of_a_header():
    text = (
        "Experience\nSales Administrator\nNorthwind Traders, Newcastle upon Tyne   |   "
        "Sep 2015 – Jun 2017\n• Processed orders\n"
        "ACME LOGISTICS    Perth WA 6000\nDepot Supervisor    2012 – 2015\n• Ran shifts\n"
    )
    assert [job[:3] for job in jobs(text)] == [
        ("Sales Administrator", "Northwind Traders", "Newcastle upon Tyne"),
        ("Depot Supervisor", "ACME LOGISTICS", "Perth WA"),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ballarat VIC", "Ballarat VIC"), ("Parramatta NSW 2150", "Parramatta NSW"),
        ("Hobart, TAS 7000", "Hobart, TAS"), ("Canberra ACT", "Canberra ACT"),
        ("Kingston upon Thames", "Kingston upon Thames"),
        ("Dayton, Ohio 45402", "Dayton, Ohio"), ("Stamford, CT 06901", "Stamford, CT"),
        ("Salford M5 4WT", "Salford"), ("Dublin 8, D08 T6YA", "Dublin"),
        ("Halifax, NS B3H 4R2", "Halifax, NS"),
    ],
)  # fmt: skip
def test_places_are_named_without_their_postcode(text, name):
    assert is_place(text)
    assert place_name(text) == name


def test_places_inside_an_address_and_what_is_no_place():
    assert find_place("221 Harbour Rd, Mackay, QLD 4740")[0] == "Mackay, QLD"
    assert find_place("88 Elm Street, Wichita, KS 67202")[0] == "Wichita, KS"
    assert not is_place("Banco Santander SA")
    assert not is_place("Audit Committee Member")
