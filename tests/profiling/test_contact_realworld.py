"""Contact details as CVs from several countries write them."""

from __future__ import annotations

import pytest

from app.profiling.extract.types import TEXT, ExtractedDocument
from app.profiling.parse.contact import find_phones
from app.profiling.parse.cv import parse_document
from app.profiling.taxonomy import load_taxonomy


def parse(text: str):
    return parse_document(ExtractedDocument(TEXT, [text]), load_taxonomy())


@pytest.mark.parametrize(
    "number",
    ["+33 7 98 76 54 32", "+33 (0)7 98 76 54 32", "07 98 76 54 32", "07.98.76.54.32",
     "+48 512 345 678", "+44 (0)20 7946 0321"],
)  # fmt: skip
def test_phone_formats(number):
    assert find_phones(f"Tél : {number} | hello@example.fr") == [number]


@pytest.mark.parametrize(
    "text",
    ["12.03.2019 - 15.06.2020", "Born 04/11/1991", "2015 - 2018 2019",
     "GCSE grades 9 8 8 7 7 6 6 5 5"],
)  # fmt: skip
def test_not_phones(text):
    assert find_phones(text) == []


def test_french_number_in_the_header():
    cv = parse("Camille Durand\nBordeaux, France | +33 6 45 12 78 90 | camille@example.fr\n")
    assert cv.contact.phones[0].value == "+33 6 45 12 78 90"


@pytest.mark.parametrize(
    ("line", "name"),
    [("OLIVER GRANT FCCA", "Oliver Grant"), ("Nadia Hussain MSc MCIPD", "Nadia Hussain"),
     ("MARCUS T. REED, PE, PMP", "Marcus T. Reed"), ("Chloé MARTIN", "Chloé MARTIN")],
)  # fmt: skip
def test_letters_after_the_name_are_not_the_name(line, name):
    cv = parse(f"{line}\noliver@example.com\n")
    assert cv.contact.name.value == name


def test_post_nominals_are_not_the_headline():
    cv = parse("JENNA COLE, RN, MSN\nDenver, CO | (303) 555-0177 | jenna@example.com\n")
    assert cv.contact.name.value == "Jenna Cole"
    assert cv.contact.headline is None


def test_headline_from_job_applied_for():
    cv = parse(
        "PERSONAL INFORMATION\nIoana Popescu\nStr. Lipscani 10, 030031 București, Romania\n\n"
        "JOB APPLIED FOR\nProject Coordinator\n\nWORK EXPERIENCE\n"
    )
    assert cv.contact.headline.value == "Project Coordinator"


def test_street_address_with_postcode_gives_the_town():
    cv = parse(
        "Piotr Zieliński\nul. Długa 5/12, 80-831 Gdańsk, Poland\n+48 600 111 222\n"
        "piotr@example.pl\n"
    )
    assert cv.contact.location is not None
    assert cv.contact.location.value.endswith("Poland")
    assert "Gda" in cv.contact.location.value
