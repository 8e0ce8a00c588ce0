"""How a job's pay reads in the list, the detail pane and exports."""

from __future__ import annotations

import pytest

from app.storage.job_listing import JobRow


def row(low, high, currency="USD", interval="year") -> JobRow:  # type: ignore[no-untyped-def]
    return JobRow(job_id=1, group_key=None, title="Nurse", company=None, location=None,
                  remote=None, source="file:x", url=None, employment_type=None,
                  salary_min=low, salary_max=high, salary_currency=currency,
                  salary_interval=interval, posted_at=None, first_seen_at=None)  # fmt: skip


@pytest.mark.parametrize(
    ("low", "high", "interval", "expected"),
    [
        (90000, 120000, "year", "USD 90,000–120,000 / year"),
        (22.5, 22.5, "hour", "USD 22.50 / hour"),
        (38.5, 52, "hour", "USD 38.50–52 / hour"),
        (None, 120000, "year", "USD up to 120,000 / year"),
        (25000, None, "year", "USD from 25,000 / year"),
        (None, None, "year", ""),
    ],
)
def test_pay_keeps_its_cents_and_its_open_end(low, high, interval, expected):
    assert row(low, high, interval=interval).salary_text() == expected
