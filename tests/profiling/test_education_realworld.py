"""Education sections as real CVs lay them out, and the certificates mixed into them."""

from __future__ import annotations

from app.profiling.extract.types import TEXT, ExtractedDocument
from app.profiling.parse.cv import parse_document
from app.profiling.taxonomy import load_taxonomy


def parse(text: str):
    return parse_document(ExtractedDocument(TEXT, [text]), load_taxonomy())


def education(body: str, heading: str = "EDUCATION"):
    cv = parse(f"Sam Rivera\nsam@example.com\n\n{heading}\n{body}\n")
    return [e.model_dump(exclude={"source"}) for e in cv.education], cv.certifications


def test_us_two_line_form_place_then_degree():
    entries, certs = education("University of Oregon — Eugene, OR\nB.A. Economics, 2019")
    assert entries == [
        {"degree": "B.A. Economics", "institution": "University of Oregon",
         "location": "Eugene, OR", "start": None, "end": "2019", "details": []}
    ]  # fmt: skip
    assert certs == []


def test_city_and_state_after_school_is_the_location():
    entries, _ = education("GED — Westfield High School, Dallas, TX (2015)")
    assert entries[0]["institution"] == "Westfield High School"
    assert entries[0]["location"] == "Dallas, TX"
    assert entries[0]["details"] == []


def test_year_in_brackets_leaves_no_empty_brackets():
    entries, _ = education("BTEC Level 3 Health and Social Care – Leeds City College (2016)")
    assert entries[0]["institution"] == "Leeds City College"
    assert entries[0]["end"] == "2016"


def test_subjects_with_grades_stay_with_their_qualification():
    entries, _ = education(
        "BSc (Hons) Geography, University of Exeter, 2014 - 2017\n"
        "A-Levels: Geography (A*), Maths (A), Chemistry (C)\n"
        "GCSEs: 10 including Maths and English (grades A*–B)"
    )
    assert entries[1]["degree"] == "A-Levels: Geography (A*), Maths (A), Chemistry (C)"
    assert entries[1]["institution"] is None
    assert entries[2]["degree"] == "GCSEs: 10 including Maths and English (grades A*–B)"


def test_europass_dates_line_before_the_degree():
    entries, certs = education(
        "09/2008 – 07/2013\nMaster's degree in Civil Engineering\n"
        "Politechnika Gdańska, Gdańsk (Poland)\n\n"
        "09/2004 – 06/2008\nSecondary school diploma\nLiceum nr 3, Gdynia (Poland)",
        heading="EDUCATION AND TRAINING",
    )
    assert certs == []
    assert [(e["start"], e["end"]) for e in entries] == [("2008-09", "2013-07"),
                                                         ("2004-09", "2008-06")]  # fmt: skip
    assert entries[0]["institution"] == "Politechnika Gdańska"
    assert entries[0]["location"] == "Gdańsk, Poland"
    assert entries[1]["degree"] == "Secondary school diploma"


def test_dates_after_the_entry_still_belong_to_it():
    entries, _ = education("BEng Mechanical Engineering\nUniversity of Bath\n2011 - 2015")
    assert (entries[0]["start"], entries[0]["end"]) == ("2011", "2015")


def test_foreign_school_names_are_schools():
    entries, certs = education(
        "Master Architecture Intérieure – École Boulle, Paris, 2018\n"
        "Bachelor Produktdesign, Hochschule Darmstadt, 2016"
    )
    assert certs == []
    assert [e["institution"] for e in entries] == ["École Boulle", "Hochschule Darmstadt"]
    assert entries[0]["degree"] == "Master Architecture Intérieure"


def test_professional_qualification_is_a_certification():
    entries, certs = education(
        "BA (Hons) Economics, University of Leicester, 2009–2012\n"
        "CIMA – Chartered Institute of Management Accountants, 2015\n"
        "ACCA (Affiliate), 2017"
    )
    assert [e["degree"] for e in entries] == ["BA (Hons) Economics"]
    assert [(c.name, c.date) for c in certs] == [
        ("CIMA – Chartered Institute of Management Accountants", "2015"),
        ("ACCA (Affiliate)", "2017"),
    ]


def test_mixed_qualifications_and_tickets_are_split():
    entries, certs = education(
        "• NVQ Level 2 Bricklaying\n• CSCS Blue Card\n• IPAF 3a/3b\n"
        "• Asbestos Awareness certificate\n• SMSTS",
        heading="Qualifications & Tickets",
    )
    assert [e["degree"] for e in entries] == ["NVQ Level 2 Bricklaying"]
    assert entries[0]["details"] == []
    assert [c.name for c in certs] == [
        "CSCS Blue Card", "IPAF 3a/3b", "Asbestos Awareness certificate", "SMSTS",
    ]


def test_details_under_a_degree_stay_details():
    entries, certs = education(
        "MSc Data Science, University of Glasgow, 2021 – 2022\n"
        "Dissertation: Forecasting bus delays with gradient boosting\n"
        "• Distinction"
    )
    assert certs == []
    assert entries[0]["details"] == [
        "Dissertation: Forecasting bus delays with gradient boosting", "Distinction",
    ]


def test_school_known_by_initials_fills_the_entry():
    entries, certs = education("MSc Finance\nLSE, 2020")
    assert certs == []
    assert entries[0]["institution"] == "LSE"
    assert entries[0]["end"] == "2020"


def test_german_vocational_training():
    entries, _ = education(
        "08.2010 – 06.2013\nAusbildung zum Industriemechaniker\nBerufsschule Stuttgart",
        heading="AUSBILDUNG",
    )
    assert entries[0]["degree"] == "Ausbildung zum Industriemechaniker"
    assert entries[0]["institution"] == "Berufsschule Stuttgart"
    assert entries[0]["start"] == "2010-08"


def test_labelled_fields():
    entries, _ = education(
        "Qualification: NVQ Level 2 Hairdressing\nCollege: Bolton College\n"
        "Dates: 2014 - 2016\nLocation: Bolton"
    )
    assert entries == [
        {"degree": "NVQ Level 2 Hairdressing", "institution": "Bolton College",
         "location": "Bolton", "start": "2014", "end": "2016", "details": []}
    ]  # fmt: skip


def test_town_state_and_country_make_one_location():
    entries, _ = education("University of Texas, Austin, Texas, USA\nBBA Finance, 2016")
    assert entries[0]["location"] == "Austin, Texas, USA"
    assert entries[0]["degree"] == "BBA Finance"


def test_initials_after_a_degree_are_a_school_not_a_place():
    entries, _ = education("BSc Physics, MIT, USA, 2015")
    assert (entries[0]["institution"], entries[0]["location"]) == ("MIT", "USA")


def test_labelled_list_under_a_degree_is_one_detail():
    entries, _ = education(
        "BSc Biology, University of York, 2018 - 2021\n"
        "Key modules: Genetics, Ecology, Cell Biology"
    )
    assert entries[0]["details"] == ["Key modules: Genetics, Ecology, Cell Biology"]


def test_nursing_licence_in_education_is_a_certification():
    entries, certs = education(
        "Associate Degree in Nursing (ADN), Austin Community College, 2018\n"
        "RN – Texas Board of Nursing, License #901234"
    )
    assert [e["degree"] for e in entries] == ["Associate Degree in Nursing (ADN)"]
    assert [c.name for c in certs] == ["RN – Texas Board of Nursing, License #901234"]


def test_professional_qualifications_heading_gives_certifications():
    cv = parse(
        "Tom Hale\n\nEDUCATION\nBSc Accounting, University of Kent, 2012\n\n"
        "PROFESSIONAL QUALIFICATIONS\nCTA – Chartered Institute of Taxation, 2018\n"
    )
    assert [e.degree for e in cv.education] == ["BSc Accounting"]
    assert [(c.name, c.date) for c in cv.certifications] == [
        ("CTA – Chartered Institute of Taxation", "2018")
    ]


def test_welding_standard_is_a_certificate_not_a_bs_degree():
    entries, certs = education(
        "HNC Mechanical Engineering, Fife College, 2015\nBS EN ISO 9606-1 coded welder (MIG, 3G)",
        heading="Qualifications",
    )
    assert [e["degree"] for e in entries] == ["HNC Mechanical Engineering"]
    assert [c.name for c in certs] == ["BS EN ISO 9606-1 coded welder (MIG, 3G)"]


def test_school_leaving_certificate_is_the_degree():
    entries, _ = education("Secondary school certificate, Liceum Ogólnokształcące nr 2, 2010")
    assert entries[0]["degree"] == "Secondary school certificate"
    assert entries[0]["institution"] == "Liceum Ogólnokształcące nr 2"
