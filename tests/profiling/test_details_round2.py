"""Contact details, education, certifications, languages and referees as a second
round of real CVs wrote them."""

from __future__ import annotations

import pytest

from app.profiling.extract.types import TEXT, ExtractedDocument
from app.profiling.parse.cv import parse_document
from app.profiling.parse.places import address_place
from app.profiling.taxonomy import load_taxonomy


def parse(text: str):
    return parse_document(ExtractedDocument(TEXT, [text]), load_taxonomy())


def certs(text: str) -> list[tuple[str, str | None]]:
    cv = parse(f"Dana Whitcombe\n\nCERTIFICATIONS\n{text}\n")
    return [(c.name, c.date) for c in cv.certifications]


def education(text: str):
    cv = parse(f"Dana Whitcombe\n\nEDUCATION\n{text}\n")
    return [e.model_dump(exclude={"source"}) for e in cv.education], cv.certifications


# --- name and headline ---------------------------------------------------------------


def test_name_over_two_lines_with_post_nominal_letters():
    cv = parse(
        "Gregory\nHalvorsen, P.E.\nGeotechnical Engineer\n\nCONTACT\nBoise, ID 83702\n"
        "g.halvorsen@example.com\n\nLICENSES\nProfessional Engineer (PE)\n"
    )
    assert cv.contact.name.value == "Gregory Halvorsen"
    assert cv.contact.headline.value == "Geotechnical Engineer"
    assert {1, 2} <= cv.non_evidence_lines


def test_name_over_two_lines_is_not_a_skills_line():
    cv = parse(
        "Ingrid\nSolberg\nData Scientist\ningrid.solberg@example.no\n\n"
        "Computer skills\nLanguages Python, R, SQL\n"
    )
    assert cv.contact.name.value == "Ingrid Solberg"


def test_skills_line_is_never_the_name():
    cv = parse("\n\nComputer skills\nLanguages Python, Go\nh.berg@example.se\n")
    assert cv.contact.name is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ('ROBERT "BOBBY" KOWALSKI', "Robert Kowalski"),
        ("ROBERT (BOBBY) KOWALSKI", "Robert Kowalski"),
        ("Robert ‘Bobby’ Kowalski", "Robert Kowalski"),
        ("JANINE T. OKORO, CPhT", "Janine T. Okoro"),
        ("JANINE OKORO, CDA", "Janine Okoro"),
        ("Janine Okoro, RDH, BSDH", "Janine Okoro"),
        ("Janine Okoro, Ph.D.", "Janine Okoro"),
    ],
)
def test_nicknames_and_credentials_after_the_name(line, name):
    cv = parse(f"{line}\n512 Oak Street, Tulsa, OK 74103\njo@example.com\n")
    assert cv.contact.name.value == name


def test_one_word_line_above_a_full_name_is_not_part_of_it():
    cv = parse("NORTHWIND\nPaula Grant\npaula.grant@example.com\n")
    assert cv.contact.name.value == "Paula Grant"


def test_letters_after_the_name_are_not_a_state():
    cv = parse("Jane Okafor, MD\nInternal Medicine Physician\njane@example.com\n")
    assert cv.contact.name.value == "Jane Okafor"
    assert cv.contact.location is None


def test_surname_first_is_kept():
    cv = parse("OKORO, JANINE\njo@example.com\n")
    assert cv.contact.name.value == "Okoro, Janine"


def test_bare_job_title_under_the_name_is_the_headline():
    cv = parse(
        "MARGARET L. ASHWORTH\nChief Financial Officer | Audit Committee Chair\n"
        "Hartford, CT 06103 · m.ashworth@example.com\n\nEXPERIENCE\n"
    )
    assert cv.contact.headline.value == "Chief Financial Officer"


def test_headline_is_not_taken_across_a_heading():
    cv = parse("Owen Pryce\nowen@example.com\n\nEXPERIENCE\nHead of Operations\nAcme Ltd\n")
    assert cv.contact.headline is None


def test_name_and_title_after_a_sidebar_are_not_education():
    # a two-column table read sidebar first: the main column's name lands under EDUCATION
    cv = parse(
        "CONTACT\nLeeds, UK\n+44 7700 900123\nnkechi.adebayo@example.com\n\n"
        "EDUCATION\nBA (Hons) Marketing\nLeeds Beckett University\n2011 – 2014\n"
        "NKECHI ADEBAYO\nBrand Manager\n\nPROFILE\nMarketer with 9 years in FMCG.\n"
    )
    assert cv.contact.name.value == "Nkechi Adebayo"
    assert cv.contact.headline.value == "Brand Manager"
    assert cv.certifications == []
    assert [(e.degree, e.details) for e in cv.education] == [("BA (Hons) Marketing", [])]


# --- location ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "place"),
    [
        ("2210 N. Lamar Blvd, Austin, TX 78705", "Austin, TX"),
        ("Flat 2, 9 Merrion Square, Dublin 4, D04 C1P2, Ireland", "Dublin, Ireland"),
        ("School of Physics, University of Bristol, Bristol BS8 1TL, United Kingdom",
         "Bristol, United Kingdom"),
        ("Cleveland, Ohio 44114", "Cleveland, Ohio"),
        ("Stamford, CT 06901", "Stamford, CT"),
        ("Leeds, LS1 4AP", "Leeds"),
        ("22 Mill Lane, Luton LU1 2AB", "Luton"),
        ("Paddington, Brisbane QLD 4000", "Brisbane, QLD"),
        ("ul. Polna 3, 61-001 Poznań, Poland", "Poznań, Poland"),
    ],
)  # fmt: skip
def test_town_of_an_address(address, place):
    assert address_place(address) == place


def test_street_line_without_a_postcode_is_not_a_town():
    assert address_place("Drottninggatan 14") is None


def test_location_from_a_street_address_in_the_header():
    cv = parse("Ray Ortiz\n908 E. Grand Ave, Lubbock, TX 79401\nray.ortiz@example.com\n")
    assert cv.contact.location.value == "Lubbock, TX"


# --- certifications --------------------------------------------------------------------


def test_issuer_and_year_stay_with_their_certification():
    assert certs(
        "Certified Information Systems Auditor (CISA), ISACA — 2018\n"
        "Professional Scrum Master (PSM), Scrum.org\n"
        "Six Sigma Green Belt, American Society for Quality, 2020"
    ) == [
        ("Certified Information Systems Auditor (CISA), ISACA", "2018"),
        ("Professional Scrum Master (PSM), Scrum.org", None),
        ("Six Sigma Green Belt, American Society for Quality", "2020"),
    ]


def test_number_and_expiry_are_details_of_one_certification():
    assert certs("Certified Phlebotomy Technician (CPT), NHA — #88812, exp. 03/2027") == [
        ("Certified Phlebotomy Technician (CPT), NHA — #88812", "2027-03")
    ]


def test_years_of_a_licence_are_its_dates():
    assert certs("Washington Teaching Certificate (OSPI), 2012–2020") == [
        ("Washington Teaching Certificate (OSPI)", "2012–2020")
    ]


def test_a_list_of_certificates_is_still_split():
    assert certs("BLS, ACLS, PALS\nOSHA 10, OSHA 30, CPR 2019") == [
        ("BLS", None), ("ACLS", None), ("PALS", None),
        ("OSHA 10", None), ("OSHA 30", None), ("CPR", "2019"),
    ]  # fmt: skip


def test_labelled_list_and_notes():
    assert certs(
        "Endorsements: H (Hazmat), N (Tank)\nClean driving record, no violations\n"
        "Medical Card - current"
    ) == [
        ("Endorsements: H (Hazmat)", None), ("Endorsements: N (Tank)", None),
        ("Clean driving record, no violations", None), ("Medical Card", None),
    ]  # fmt: skip


def test_name_and_title_are_never_certifications():
    cv = parse(
        "CONTACT\nleo.marchetti@example.com\n\nCERTIFICATIONS\nPRINCE2 Practitioner (2019)\n"
        "LEO MARCHETTI\nProgramme Manager\n"
    )
    assert [c.name for c in cv.certifications] == ["PRINCE2 Practitioner"]


# --- education -------------------------------------------------------------------------


def test_degree_with_its_field_then_school_place_and_year():
    entries, found = education(
        "Bachelor of Science, Supply Chain Management\n"
        "Wilfrid Laurier University, Waterloo, ON — 2016"
    )
    assert entries == [{
        "degree": "Bachelor of Science, Supply Chain Management",
        "institution": "Wilfrid Laurier University", "location": "Waterloo, ON",
        "start": None, "end": "2016", "details": [],
    }]  # fmt: skip
    assert found == []


def test_field_without_a_subject_word_yields_to_the_school_below():
    entries, _ = education("Bachelor of Arts, Philosophy\nMcGill University, 2012")
    assert [(e["degree"], e["institution"]) for e in entries] == [
        ("Bachelor of Arts, Philosophy", "McGill University")
    ]


def test_honours_are_details_of_the_degree_above():
    entries, _ = education(
        "Master of Business Administration (MBA) 2001\n"
        "Wharton School, Philadelphia, PA — Palmer Scholar\n"
        "B.S.E., Mechanical Engineering 1995\n"
        "Duke University, Durham, NC — summa cum laude"
    )
    assert [(e["degree"], e["institution"], e["end"], e["details"]) for e in entries] == [
        ("Master of Business Administration (MBA)", "Wharton School", "2001", ["Palmer Scholar"]),
        ("B.S.E., Mechanical Engineering", "Duke University", "1995", ["summa cum laude"]),
    ]


def test_indian_school_lines_make_their_own_entries():
    entries, _ = education(
        "B.E. in Electronics and Communication 2010 – 2014\n"
        "PSG College of Technology, Coimbatore — CGPA: 8.1/10\n"
        "Class XII (State Board) — 91.5% 2010\n"
        "Kendriya Vidyalaya, Madurai North"
    )
    assert [(e["degree"], e["institution"], e["location"], e["end"], e["details"])
            for e in entries] == [
        ("B.E. in Electronics and Communication", "PSG College of Technology", "Coimbatore",
         "2014", ["CGPA: 8.1/10"]),
        ("Class XII (State Board)", "Kendriya Vidyalaya", "Madurai North", "2010", ["91.5%"]),
    ]  # fmt: skip


def test_town_after_a_school_without_a_school_word():
    entries, _ = education("Class X (ICSE) — 88% 2008\nLa Martiniere, Lucknow")
    assert [(e["degree"], e["institution"], e["location"]) for e in entries] == [
        ("Class X (ICSE)", "La Martiniere", "Lucknow")
    ]


def test_subject_after_a_school_is_not_its_town():
    entries, _ = education("BSc Physics 2015\nImperial College London, Applied Physics")
    assert entries[0]["location"] is None


def test_a_dated_course_under_a_dated_degree_is_a_certification():
    entries, found = education(
        "BSc (Hons) Sociology, 2:1 — University of Kent, 2012\n"
        "Mental Health First Aider (MHFA England), 2021\n"
        "Safe Driving Course - 2019"
    )
    assert entries[0]["details"] == ["2:1"]
    assert [(c.name, c.date) for c in found] == [
        ("Mental Health First Aider (MHFA England)", "2021"), ("Safe Driving Course", "2019")
    ]


def test_a_summary_paragraph_is_not_a_certification():
    cv = parse(
        "Tom Reyes\n\nQUALIFICATIONS\nCertified welder with 10 years of structural and pipe "
        "experience. Skilled in reading blueprints and in quality control.\n"
    )
    assert cv.certifications == [] and cv.education == []


# --- languages and referees --------------------------------------------------------------


def test_bilingual_label_with_a_slash_under_training():
    cv = parse(
        "Luis Ortega\n\nTRAINING\nForklift Operator Certificate, Dallas College, 2015\n\n"
        "Bilingual: English / Spanish\n"
    )
    assert [(lang.name, lang.level) for lang in cv.languages] == [
        ("English", "bilingual"), ("Spanish", "bilingual")
    ]
    assert [e.details for e in cv.education] == [[]]


def test_programming_languages_label_in_a_job_is_left_alone():
    cv = parse(
        "Sam Reid\n\nEXPERIENCE\nSoftware Engineer, Monzo, London  2019 – Present\n"
        "• Languages: Go, Python\n• Built payment services\n"
    )
    assert cv.languages == []
    assert cv.experience[0].bullets == ["Languages: Go, Python", "Built payment services"]


def test_referee_on_one_line_with_email_or_phone():
    cv = parse(
        "Hannah Cole\n\nREFEREES\n"
        "Dr. Simon Achebe, University of Warwick, s.achebe@warwick.ac.uk\n"
        "Lucy Fairbanks, Operations Manager, Tesco — 0161 496 0555\n"
    )
    refs = [(r.name, r.details, r.email, r.phone) for r in cv.references.referees]
    assert refs == [
        ("Simon Achebe", "University of Warwick", "s.achebe@warwick.ac.uk", None),
        ("Lucy Fairbanks", "Operations Manager, Tesco", None, "0161 496 0555"),
    ]


def test_a_right_aligned_issuer_stays_with_its_certificate():
    from app.profiling.parse.certifications import parse_certifications
    from app.profiling.parse.sections import Line

    lines = [Line("First Aid (HLTAID011)        St John Ambulance, 2023", page=1, line=1)]
    got = [cert for cert, _ in parse_certifications(lines)]
    assert len(got) == 1
    assert got[0].name == "First Aid (HLTAID011) — St John Ambulance" and got[0].date == "2023"
