"""Dates as CVs write them."""

import pytest

from app.profiling.parse.dates import PartialDate, find_range, union_months


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Jan 2020 - Present", "2020-01", "present"),
        ("01/2020 – 03/2021", "2020-01", "2021-03"),
        ("2018-2020", "2018", "2020"),
        ("Oct. 2021 – Current", "2021-10", "present"),
        ("April 2019 - current / Birmingham, AL", "2019-04", "present"),
        ("Summer 2019 - Autumn 2020", "2019-07", "2020-10"),
        ("Staff Nurse    March 2019 to present", "2019-03", "present"),
        ("2019–20", "2019", "2020"),
        ("since 2017", "2017", "present"),
        ("Sept 2015 — Feb 2019", "2015-09", "2019-02"),
        ("From June 2016 to December 2017", "2016-06", "2017-12"),
        ("Jan '19 – Dec '20", "2019-01", "2020-12"),
        ("Tesco, Leeds | 2015 – Now", "2015", "present"),
        ("2019 - Today", "2019", "present"),
        ("Developer (2017 – 2019)", "2017", "2019"),
        ("1 January 2020 – 31 March 2021", "2020-01", "2021-03"),
        ("03/2020 – Current", "2020-03", "present"),
    ],
)
def test_ranges(text, start, end):
    rng = find_range(text)
    assert rng is not None
    assert (rng.start.iso(), rng.end_text) == (start, end)


@pytest.mark.parametrize("text", ["Call 0161 2020 2021", "May 2018", "Managed 2000 accounts", ""])
def test_not_ranges(text):
    assert find_range(text) is None


def test_union_counts_overlaps_once():
    ranges = [
        (PartialDate(2018, 1), PartialDate(2019, 12)),  # 24 months
        (PartialDate(2019, 6), PartialDate(2020, 6)),  # overlaps; adds Jan-Jun 2020
        (PartialDate(2022), PartialDate(2022)),  # a bare year: 12 months
    ]
    assert union_months(ranges) == 24 + 6 + 12
