"""Date forms from real CVs: same-year ranges, shared years, German, and no crash on any."""

import itertools

import pytest

from app.profiling.parse.dates import PartialDate, find_range, months_between


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # a range inside one year, with months on one or both ends
        ("Mar 2021 – Oct 2021", "2021-03", "2021-10"),
        ("Jul 2023 - Sep 2023", "2023-07", "2023-09"),
        ("03/2021 - 10/2021", "2021-03", "2021-10"),
        ("2021 - Oct 2021", "2021", "2021-10"),
        ("Apr 2021 - 2021", "2021-04", "2021"),
        ("Feb 2020 - Feb 2020", "2020-02", "2020-02"),
        ("Data Intern | June 2022 – August 2022", "2022-06", "2022-08"),
        # the year written once, after the second month
        ("July – September 2018", "2018-07", "2018-09"),
        ("Camp Counselor, Camp Pine, ME  Jun - Aug 2017", "2017-06", "2017-08"),
        ("Dec – Jan 2019", "2018-12", "2019-01"),
        # German
        ("seit 09.2020", "2020-09", "present"),
        ("03.2017 – heute", "2017-03", "present"),
    ],
)
def test_ranges_as_written(text, start, end):
    rng = find_range(text)
    assert rng is not None
    assert (rng.start.iso(), rng.end_text) == (start, end)


@pytest.mark.parametrize(
    "text", ["Oct 2021 - Mar 2021", "June – present", "May - 2019", "2020 - 2018"]
)
def test_an_end_before_the_start_or_a_month_without_a_year_is_no_range(text):
    assert find_range(text) is None


def test_partial_dates_compare_with_and_without_months():
    year, jan, feb = PartialDate(2016), PartialDate(2016, 1), PartialDate(2016, 2)
    dec = PartialDate(2015, 12)
    # a bare year is the whole year: it starts with January and ends after it
    assert sorted([feb, year, dec, jan]) == [dec, jan, year, feb]
    assert jan < year < feb and year >= jan and not year < year
    assert months_between(year, PartialDate(2016, 8)) == 8
    assert months_between(PartialDate(2016, 5), year) == 8


_STARTS = ["May 2016", "2016", "05/2016", "2016-05", "Summer 2016", "May '16", "1 May 2016",
           "05.2016", "Sept. 2016", "16 Jan 2016", "Jan"]  # fmt: skip
_ENDS = ["Aug 2016", "2016", "08/2016", "2016-08", "Autumn 2016", "Aug '16", "31 August 2016",
         "present", "Now", "15", "Jan 2016", "1999", "08.2016", ""]  # fmt: skip


def test_no_date_form_makes_the_parser_fail():
    for start, sep, end in itertools.product(_STARTS, [" - ", "–", " to ", " — "], _ENDS):
        for text in (f"{start}{sep}{end}", f"Intern, Acme Ltd | {start}{sep}{end} (part-time)"):
            rng = find_range(text)
            if rng is not None and rng.end is not None:
                assert rng.end.last >= rng.start.first, text
