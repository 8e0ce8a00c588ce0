"""Greenhouse custom fields (``metadata``), named as each company likes: read by the whole
words of the name, first usable value wins; employment type from a field or the text."""

from __future__ import annotations

import html

import pytest

from app.sources import SourceSpec
from app.sources.base import employment_from_text
from app.sources.greenhouse import posting

SPEC = SourceSpec("greenhouse", "harbourbank")


def job(metadata, content="<p>Reconcile the ledgers.</p>", **extra):
    return {"id": 71, "title": "Accountant", "company_name": "Harbour Bank",
            "location": {"name": "Bristol"}, "metadata": metadata,
            "content": html.escape(content), **extra}  # fmt: skip


def field(name, value, value_type="short_text"):
    return {"id": 1, "name": name, "value": value, "value_type": value_type}


def test_a_pay_field_is_not_erased_by_a_later_field_with_pay_inside_a_word():
    p = posting(job([
        field("Compensation Band", "£48,000 - £56,000"),
        field("Payroll Company", "Harbour Bank Services Ltd"),
        field("Paycheck Frequency", "Monthly"),
    ]), SPEC)  # fmt: skip
    assert (p.salary_min, p.salary_max, p.salary_currency) == (48000, 56000, "GBP")


def test_a_field_named_like_pay_but_not_pay_gives_no_salary():
    p = posting(job([field("Payroll Entity", "Harbour Bank Services Ltd")]), SPEC)
    assert p.salary_min is None and p.salary_max is None


@pytest.mark.parametrize(
    ("value", "value_type", "expected"),
    [
        ({"unit": "GBP", "amount": "61000.0"}, "currency", (61000, 61000, "GBP", "year")),
        ({"unit": "EUR", "min_value": "52000.0", "max_value": "58000.0"}, "currency_range",
         (52000, 58000, "EUR", "year")),
        ("$31.50 per hour", "short_text", (31.5, 31.5, "USD", "hour")),
    ],
)  # fmt: skip
def test_pay_field_shapes(value, value_type, expected):
    p = posting(job([field("Base Salary", value, value_type)]), SPEC)
    assert (p.salary_min, p.salary_max, p.salary_currency, p.salary_interval) == expected


def test_a_pay_field_wins_over_pay_in_the_text():
    p = posting(job([field("Pay Range", {"unit": "USD", "min_value": "70000",
                                         "max_value": "80000"}, "currency_range")],
                    content="<p>Salary: $60,000 for juniors.</p>"), SPEC)  # fmt: skip
    assert (p.salary_min, p.salary_max) == (70000, 80000)


def test_a_later_field_that_says_nothing_keeps_the_work_arrangement():
    p = posting(job([field("Workplace Type", "Hybrid", "single_select"),
                     field("Remote Eligible", "No", "single_select")]), SPEC)  # fmt: skip
    assert p.remote == "hybrid"


def test_a_remote_eligible_yes_field_is_remote():
    p = posting(job([field("Remote Eligible", "Yes", "single_select")]), SPEC)
    assert p.remote == "remote"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("Employment Type", "Part-time", "part_time"),
        ("Job Type", ["Fixed-term", "Full-time"], "temporary"),
        ("Contract Type", "Permanent", "full_time"),
        ("Work Type", "Contract", "contract"),
    ],
)
def test_employment_type_from_a_field(name, value, expected):
    assert posting(job([field(name, value, "multi_select")]), SPEC).employment_type == expected


def test_a_work_type_field_may_be_either_kind():
    p = posting(job([field("Work Type", "Remote", "single_select")]), SPEC)
    assert (p.remote, p.employment_type) == ("remote", None)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<p>Answer member queries. Part-time, 22.5 hours per week.</p>", "part_time"),
        ("<p>This is a permanent, full-time position in our Bristol office.</p>", "full_time"),
        ("<p>Was wir bieten: Teilzeit, unbefristet, 30 Tage Urlaub.</p>", "part_time"),
        ("<p>A 9-month fixed-term contract covering parental leave.</p>", "temporary"),
        ("<p>Our full-time staff enjoy a pension. Part-time hours considered.</p>", None),
        ("<p>This is not a full-time role.</p>", None),
    ],
)
def test_employment_type_from_the_description(content, expected):
    p = posting(job([], content=content), SPEC)
    assert p.employment_type == expected


def test_the_employment_from_the_text_is_part_of_the_content_hash():
    part = posting(job([], content="<p>Process invoices. Part-time, 20 hours.</p>"), SPEC)
    full = posting(job([], content="<p>Process invoices. Full-time, 37.5 hours.</p>"), SPEC)
    again = posting(job([], content="<p>Process invoices. Part-time, 20 hours.</p>"), SPEC)
    assert part.content_hash == again.content_hash != full.content_hash


def test_kinds_listed_together_are_read_together():
    assert employment_from_text("Permanent, part-time (3 days a week).") == "part_time"
    assert employment_from_text("We offer: full-time / permanent.") == "full_time"
    assert employment_from_text(None) is None
