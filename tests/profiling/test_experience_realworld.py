"""Experience entries in layouts real CVs use: which part is the title, which the employer."""

from __future__ import annotations

from datetime import date

import pytest

from app.profiling.extract.types import TEXT, ExtractedDocument
from app.profiling.parse import dates, experience
from app.profiling.profile import SourceDocument, build_profile


def jobs(text: str) -> list[tuple]:
    doc = ExtractedDocument(TEXT, [f"Priya Raman\npriya@example.com\n\n{text}"])
    profile = build_profile([SourceDocument(1, "cv.txt", doc)], today=date(2026, 11, 1))
    return [(e.title, e.company, e.location, e.start, e.end) for e in profile.experience]


def test_company_city_line_then_title_and_dates_line():
    text = (
        "EXPERIENCE\nShopify — Ottawa, ON\nSite Reliability Engineer II | Mar 2019 – Present\n"
        "• Ran on-call rotations\n\n"
        # no known title at all: the place still marks the employer
        "Zendesk — Dublin, Ireland\nGrowth Hacker | Jul 2017 – Feb 2019\n• Ran experiments\n\n"
        "Platform Engineering Intern, Ocado Technology, Hatfield — Jun 2016 - Sep 2016\n"
        "- Wrote Terraform modules\n"
    )
    assert jobs(text) == [
        ("Site Reliability Engineer II", "Shopify", "Ottawa, ON", "2019-03", "present"),
        ("Growth Hacker", "Zendesk", "Dublin, Ireland", "2017-07", "2019-02"),
        ("Platform Engineering Intern", "Ocado Technology", "Hatfield", "2016-06", "2016-09"),
    ]


@pytest.mark.parametrize(
    ("header", "title", "company"),
    [
        ("Data Engineer III, Capital One", "Data Engineer III", "Capital One"),
        ("Support Engineer Level 2, Northgate Systems", "Support Engineer Level 2",
         "Northgate Systems"),
        ("Director of Operations, Bank of Scotland", "Director of Operations", "Bank of Scotland"),
        ("Healthcare Assistant, Calderdale Care Services", "Healthcare Assistant",
         "Calderdale Care Services"),
        ("Cashier / Lidl", "Cashier", "Lidl"),
        ("Software Developer at Sage", "Software Developer", "Sage"),
    ],
)  # fmt: skip
def test_head_noun_tells_the_title_from_the_employer(header, title, company):
    ((got_title, got_company, *_),) = jobs(f"EXPERIENCE\n{header}   2015 - 2018\n- Did things")
    assert (got_title, got_company) == (title, company)


def test_date_first_entries_keep_their_company_and_labels_stay_with_the_entry_above():
    text = (
        "WORK EXPERIENCE\n2017 – Present\nSelf-employed Electrician\n"
        "Sparks Electrical Services, Swansea\n▪ Rewires and consumer unit upgrades\n"
        "Business or sector Construction\n\n"
        "06/2012 – 12/2016\nMaintenance Electrician\nTata Steel, Port Talbot (Wales)\n"
        "▪ Planned maintenance\n"
    )
    doc = ExtractedDocument(TEXT, [f"Rhys Morgan\nrhys@example.com\n\n{text}"])
    first, second = build_profile([SourceDocument(1, "cv.txt", doc)]).experience
    assert (first.title, first.company, first.location) == (
        "Self-employed Electrician",
        "Sparks Electrical Services",
        "Swansea",
    )
    assert first.bullets == [
        "Rewires and consumer unit upgrades",
        "Business or sector Construction",
    ]
    assert (second.title, second.company, second.location) == (
        "Maintenance Electrician",
        "Tata Steel",
        "Port Talbot, Wales",
    )


def test_brackets_and_slashes_qualify_a_part_instead_of_making_a_new_one():
    text = (
        "EXPERIENCE\nBarista / Shift Lead — Starbucks, Austin, TX\nApr 2020 to Present\n"
        "- Trained new baristas\n\n"
        "Order Picker, Ocado (CFC3), Erith, 2018 - 2020\n- Picked orders\n\n"
        "Teaching Assistant (Key Stage 2), Holy Trinity C of E Primary, Halifax\n"
        "Sept 2016 - Jul 2018\n* Supported readers\n"
    )
    assert [job[:3] for job in jobs(text)] == [
        ("Barista / Shift Lead", "Starbucks", "Austin, TX"),
        ("Order Picker", "Ocado", "Erith"),
        ("Teaching Assistant", "Holy Trinity C of E Primary", "Halifax"),
    ]


def test_lower_case_since_and_a_year_written_once():
    text = (
        "EXPERIENCE\nPlumber, Aqua Ltd, Exeter\nsince 2021\n- Bathroom installs\n\n"
        "Seasonal Porter, Grand Hotel, Brighton\nJuly – September 2018\n- Luggage\n"
    )
    assert jobs(text) == [
        ("Plumber", "Aqua Ltd", "Exeter", "2021", "present"),
        ("Seasonal Porter", "Grand Hotel", "Brighton", "2018-07", "2018-09"),
    ]


def test_german_since():
    text = (
        "EXPERIENCE\nseit 04.2019\nIndustriemechanikerin\nBosch Rexroth AG, Lohr am Main\n"
        "- Wartung\n\n09.2015 – 03.2019\nMechanikerin\nKaiser GmbH, Würzburg\n- Montage\n"
    )
    assert [(t, c, s, e) for t, c, _, s, e in jobs(text)] == [
        ("Industriemechanikerin", "Bosch Rexroth AG", "2019-04", "present"),
        ("Mechanikerin", "Kaiser GmbH", "2015-09", "2019-03"),
    ]


CV = (
    "EXPERIENCE\nCook, Leon, London   2019 - 2021\n- Grill\n"
    "Kitchen Porter, Wahaca, London   Jun 2018 - Aug 2018\n- Washing up\n"
    "Waiter, Bella Italia, Leeds   2016 - 2018\n- Tables\n"
)


def test_a_same_year_range_with_months_does_not_stop_the_import():
    assert ("Kitchen Porter", "Wahaca", "London", "2018-06", "2018-08") in jobs(CV)
    assert sorted(job[0] for job in jobs(CV)) == ["Cook", "Kitchen Porter", "Waiter"]


def test_one_unreadable_entry_does_not_lose_the_others(monkeypatch):
    fields = experience._fields

    def fail_on_wahaca(lines, taxonomy, ranges):
        if any("Wahaca" in ln.text for ln in lines):
            raise ValueError("unexpected layout")
        return fields(lines, taxonomy, ranges)

    monkeypatch.setattr(experience, "_fields", fail_on_wahaca)
    assert [job[:2] for job in jobs(CV)] == [("Cook", "Leon"), ("Waiter", "Bella Italia")]


def test_one_unreadable_date_does_not_lose_the_others(monkeypatch):
    find_range = dates.find_range

    def fail_on_wahaca(line):
        if "Wahaca" in line:
            raise ValueError("unexpected date")
        return find_range(line)

    monkeypatch.setattr(experience, "find_range", fail_on_wahaca)
    got = jobs(CV)
    assert ("Cook", "Leon", "London", "2019", "2021") in got
    assert ("Waiter", "Bella Italia", "Leeds", "2016", "2018") in got
