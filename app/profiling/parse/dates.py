"""Dates and date ranges as CVs write them.

"Jan 2020", "January 2020", "01/2020", "2020-01", "2020", "Summer 2019",
"Oct. 2021 – Current", "2018-2020", "2019–20", "March 2019 to present",
"June – August 2019", "since 2017" (German "seit 04.2021", "– heute" too).
A partial date keeps only what was written: "2019" stays a year, and a season
stands for a month ("Summer 2019" is 2019-07).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import total_ordering

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_MONTH},?\s*(?:{_DAY},?\s+)?(?:{_YEAR}|'\d\d)"
    rf"|{_DAY}\s+{_MONTH},?\s+{_YEAR}"
    rf"|(?:spring|summer|autumn|fall|winter)\s+{_YEAR}"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]{_YEAR}"
    rf"|(?:0?[1-9]|1[0-2])[/.-]{_YEAR}"
    rf"|{_YEAR}[/.-](?:0[1-9]|1[0-2])(?![\d])"
    rf"|{_YEAR})"
)
_PRESENT = (
    r"(?:present|current(?:ly)?|now|today|ongoing|to\s+date|till\s+date|until\s+now|date"
    r"|heute)"
)
_SEP = r"\s*(?:-{1,2}|–|—|~|→|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*"

_SINCE = r"(?:from|since|seit)"
RANGE_RE = re.compile(
    # "June – August 2019": a bare month takes its year from the end of the range
    rf"(?<![\w/.-])(?:{_SINCE}\s+)?(?P<start>{_DATE}|(?P<bare>{_MONTH}))"
    rf"(?:{_SEP}(?:(?P<end>{_DATE})|(?P<present>{_PRESENT}))(?![\w/])"
    rf"|\s*[-–]\s*(?P<short>\d\d)(?![\d/.-])"
    rf"|(?P<open>{_SEP})(?=\s*(?:$|[|,;)]))"
    rf")",
    re.IGNORECASE,
)
_SINCE_RE = re.compile(rf"\b{_SINCE}\s+(?P<start>{_DATE})(?![\w/])", re.IGNORECASE)
_TWO_DIGITS = re.compile(r"\d\d")
_YEAR4 = re.compile(r"(19|20)\d\d")
_YEAR2 = re.compile(r"'(\d\d)")
_WORD = re.compile(r"[a-z]+")
_NUMBER = re.compile(r"\d+")
DATE_RE = re.compile(rf"(?<![\w/.-]){_DATE}(?![\w/])", re.IGNORECASE)


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date as written. A bare year stands for the whole year: it begins in January
    and ends in December, so "2016 - Aug 2016" is a valid range and "2016" sorts
    between "2016-01" and "2016-02"."""

    year: int
    month: int | None = None

    @property
    def first(self) -> int:
        """The first month it covers, counted in months from year 0."""
        return self.year * 12 + (self.month or 1) - 1

    @property
    def last(self) -> int:
        """The last month it covers, counted in months from year 0."""
        return self.year * 12 + (self.month or 12) - 1

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.first, self.last) < (other.first, other.last)

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"


@dataclass(frozen=True)
class DateRange:
    start: PartialDate | None
    end: PartialDate | None
    present: bool
    span: tuple[int, int]  # where the range was written in the line

    @property
    def end_text(self) -> str | None:
        return "present" if self.present else (self.end.iso() if self.end else None)


def parse_date(text: str) -> PartialDate | None:
    """One written date, or None."""
    s = text.strip().lower().replace(",", " ")
    year_match = _YEAR4.search(s)
    if year_match:
        year = int(year_match.group())
    else:
        short = _YEAR2.search(s)
        if not short:
            return None
        year = 2000 + int(short.group(1))
        year = year - 100 if year > date.today().year + 1 else year
    word = _WORD.search(s)
    if word:
        name = word.group()
        for key in (name[:4], name[:3]):
            if key in _MONTHS:
                return PartialDate(year, _MONTHS[key])
        if name in _SEASONS:
            return PartialDate(year, _SEASONS[name])
    nums = _NUMBER.findall(s)
    if len(nums) == 3:  # day/month/year or month/day/year: the month is the middle
        month = int(nums[1]) if int(nums[1]) <= 12 else int(nums[0])
        return PartialDate(year, month if 1 <= month <= 12 else None)
    if len(nums) == 2:
        other = int(nums[1]) if nums[0] == str(year) else int(nums[0])
        return PartialDate(year, other if 1 <= other <= 12 else None)
    return PartialDate(year)


def find_range(line: str) -> DateRange | None:
    """The first date range in a line ("Jan 2020 - Present", "2018-2020", "since 2019")."""
    if _TWO_DIGITS.search(line) is None:  # every range has a year; most lines have none
        return None
    for m in RANGE_RE.finditer(line):
        end = parse_date(m.group("end")) if m.group("end") else None
        if m.group("bare"):
            if end is None or end.month is None:  # "June – 2019", "May - present": no year
                continue
            month = parse_date(f"{m.group('bare')} {end.year}").month
            start = PartialDate(end.year - (month > end.month), month)  # "Nov – Feb 2020"
        else:
            start = parse_date(m.group("start"))
        if start is None:
            continue
        if m.group("present"):
            return DateRange(start, None, True, m.span())
        if end is not None and end.last >= start.first:  # an end before the start is no range
            return DateRange(start, end, False, m.span())
        if m.group("short"):
            end_year = start.year // 100 * 100 + int(m.group("short"))
            if start.year < end_year <= start.year + 10:
                return DateRange(start, PartialDate(end_year), False, m.span())
        if m.group("open") is not None and m.group("open").strip():
            return DateRange(start, None, True, m.span())
    m = _SINCE_RE.search(line)
    if m:
        start = parse_date(m.group("start"))
        if start:
            return DateRange(start, None, True, m.span())
    return None


def single_date(line: str) -> DateRange | None:
    """The one date of a line as a period of its own: a job written "Summer 2019",
    "June 2019" or "2019" began and ended then. None if the line has no date or several."""
    found = find_dates(line)
    if len(found) != 1:
        return None
    when, span = found[0]
    return DateRange(when, when, False, span)


def find_dates(line: str) -> list[tuple[PartialDate, tuple[int, int]]]:
    out = []
    for m in DATE_RE.finditer(line):
        parsed = parse_date(m.group())
        if parsed:
            out.append((parsed, m.span()))
    return out


def months_between(start: PartialDate, end: PartialDate, *, end_inclusive: bool = True) -> int:
    """Whole months from start to end. A bare start year counts from January, a bare
    end year up to December, so "2018-2020" is three years, as a reader takes it."""
    return max(0, end.last - start.first + (1 if end_inclusive else 0))


def union_months(ranges: list[tuple[PartialDate, PartialDate]]) -> int:
    """Months covered by the union of inclusive ranges (overlaps count once)."""
    spans = []
    for start, end in ranges:
        if end.last >= start.first:
            spans.append((start.first, end.last))
    spans.sort()
    total, cur_s, cur_e = 0, None, None
    for s, e in spans:
        if cur_e is None or s > cur_e + 1:
            if cur_e is not None:
                total += cur_e - cur_s + 1
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None:
        total += cur_e - cur_s + 1
    return total


def today_partial(today: date | None = None) -> PartialDate:
    today = today or date.today()
    return PartialDate(today.year, today.month)
