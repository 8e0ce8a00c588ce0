"""One posting brought in by hand: an expired JSON-LD posting is kept with a warning, too
little pasted text is refused, and pay next to on-target earnings is the base."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.sources import posting_from_jsonld, posting_from_text
from app.sources.salary_text import parse_salary_text
from app.sources.single import WARNINGS

NOW = datetime(2026, 12, 1, tzinfo=UTC)
NODE = {
    "@type": "JobPosting",
    "title": "Credit Controller",
    "description": "<p>Chase overdue invoices and keep the sales ledger tidy.</p>",
    "hiringOrganization": {"name": "Pennine Foods Ltd"},
    "datePosted": "2025-02-03",
}


def test_a_past_valid_through_is_kept_with_a_warning():
    p = posting_from_jsonld({**NODE, "validThrough": "2025-03-31T23:59"}, url=None, now=NOW)
    assert p.title == "Credit Controller"
    assert p.extra["valid_through"].startswith("2025-03-31")
    [warning] = p.extra[WARNINGS]
    assert "expired on 2025-03-31" in warning and "added all the same" in warning


@pytest.mark.parametrize("until", ["2027-01-15", None, "next spring"])
def test_a_future_missing_or_unreadable_valid_through_warns_of_nothing(until):
    node = {**NODE, "validThrough": until} if until else NODE
    assert WARNINGS not in posting_from_jsonld(node, url=None, now=NOW).extra


@pytest.mark.parametrize(
    "text",
    ["hi", "Bookkeeper", "Bookkeeper\nLeeds", "About the job\nBookkeeper\nCompany: Acme"],
)
def test_too_little_text_is_refused_with_a_reason(text):
    with pytest.raises(ValueError, match="a posting needs a title and some description"):
        posting_from_text(text)


def test_the_refusal_names_the_title_and_the_count():
    with pytest.raises(ValueError, match=r"has 1 words besides the title 'Bookkeeper'"):
        posting_from_text("Bookkeeper\nLeeds")


def test_a_short_but_real_posting_is_accepted():
    p = posting_from_text("Bookkeeper\nSage 50 bookkeeping for a small charity in Leeds.")
    assert p.title == "Bookkeeper"


def test_pasted_text_gives_the_employment_it_states():
    text = (
        "Receptionist\nCompany: Dales Dental Care\n\n"
        "Greet patients and manage bookings. Part-time, 3 days a week."
    )
    assert posting_from_text(text).employment_type == "part_time"
    labelled = text.replace("Company:", "Job type: Full-time\nCompany:")
    assert posting_from_text(labelled).employment_type == "full_time"  # the label wins


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drive new business. OTE $150,000 (base $95,000).", (95000, 95000)),
        ("Base salary $90,000, OTE $130,000 uncapped.", (90000, 90000)),
        ("£32,000 basic, £55,000 OTE.", (32000, 32000)),
        ("Earn up to £60k OTE (£30k basic).", (30000, 30000)),
        ("$110k base salary with OTE of $160k.", (110000, 110000)),
        ("Field sales across Yorkshire, OTE £45,000.", (45000, 45000)),  # alone: still pay
        ("Salary: $70,000 - $80,000 plus on-target bonus.", (70000, 80000)),
    ],
)
def test_on_target_earnings_yield_to_the_base(text, expected):
    pay = parse_salary_text(text)
    assert pay is not None and (pay.min, pay.max) == expected
