"""Experience entries: title, company, location, dates and bullets.

An entry starts at a "header run": consecutive short lines that are neither
bullets nor sentences, one of which holds a date range. This covers the usual
layouts (title / company / dates on one, two or three lines, in any order, or
a date line on top as Europass writes it). Title, company and place are read
from the header with its dates removed (`entry_header`); a short line under
the header completes it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from app.profiling.parse.dates import DateRange, find_range, single_date
from app.profiling.parse.entry_header import read_header
from app.profiling.parse.places import find_place, is_place
from app.profiling.parse.sections import Line, is_bullet, strip_bullet
from app.profiling.parse.title_or_org import TITLE_HEADS, head_noun
from app.profiling.taxonomy import Taxonomy

log = logging.getLogger(__name__)


class _Ranges(dict):
    """The date range of each line text, computed once per section (lines are asked many
    times). A line whose dates cannot be read counts as undated: one odd line never stops
    a parse.

    A single date ("Summer 2019", "June 2019", "2019") dates a job too, as a period of its
    own, when it stands where this section writes its ranges: on a line of its own, or
    opening or closing a header line as the ranges do ("2020–2022 Research Scientist, ..."
    then "Summer 2019 Research Intern, ..."). Elsewhere a year is only a year.
    """

    def __init__(self, single_at: frozenset[str] = frozenset({"alone"})):
        super().__init__()
        self.single_at = single_at

    def __missing__(self, text: str) -> DateRange | None:
        value = _read_range(text, lambda t: find_range(t) or self._single(t))
        self[text] = value
        return value

    def _single(self, text: str) -> DateRange | None:
        rng = single_date(text)
        if rng is None or is_bullet(text):
            return None
        where = _position(text, rng)
        if where not in self.single_at or (where == "end" and not _set_off(text, rng)):
            return None
        place = find_place(text)  # "Sydney NSW 2000" is a postcode
        if place is not None and place[1][0] < rng.span[1] and rng.span[0] < place[1][1]:
            return None
        if where == "alone":
            return rng
        # "Research Intern, DeepMind, 2019" names a job; "Employee of the Month, 2019" does not
        rest = _without(text, rng).strip(" \t,;|*_-–—")
        if rest[:1].islower() or len(rest.split()) > 12:
            return None
        return rng if any(head_noun(p) in TITLE_HEADS for p in _PARTS.split(rest) if p) else None


_PARTS = re.compile(r"\s*(?:[,|•·(–—/]|\s-\s|\s{2,}|\bat\b)\s*")


def _set_off(text: str, rng: DateRange) -> bool:
    """A date closing a line is set off from the words before it: "DeepMind — 2019",
    "DeepMind, June 2019", "DeepMind (2019)", "DeepMind   2019"."""
    before = text[: rng.span[0]]
    return bool(re.search(r"(?:[,|•·(–—-]|\s{2})\s*$", before))


def _read_range(text: str, read) -> DateRange | None:
    try:
        return read(text)
    except Exception:  # a bug in date parsing must not lose the CV
        log.exception("could not read the dates in %r", text)
        return None


def _position(text: str, rng: DateRange) -> str:
    """Where a date stands in its line: "alone", at the "start", at the "end" or "inside"."""
    before = re.sub(r"[\W_]+", "", text[: rng.span[0]])
    after = re.sub(r"[\W_]+", "", text[rng.span[1] :])
    return ("alone" if not after else "start") if not before else ("end" if not after else "inside")


def _section_ranges(lines: list[Line]) -> _Ranges:
    """Date lookups for a section, with single dates read where its ranges stand."""
    where = {"alone"}
    for line in lines:
        rng = None if is_bullet(line.text) else _read_range(line.text, find_range)
        if rng is not None and len(line.text.split()) <= 20:
            where.add(_position(line.text, rng))
    return _Ranges(frozenset(where))


@dataclass
class RawEntry:
    header: list[Line]
    body: list[Line] = field(default_factory=list)
    dates: DateRange | None = None
    ranges: dict = field(default_factory=_Ranges)
    # whole lines after the body that close the entry ("Business or sector Logistics")
    trailer: list[Line] = field(default_factory=list)
    # a further role at the employer above: the section writes employers on lines of
    # their own, and this entry has none; `employer` is that line
    employer: Line | None = None


@dataclass
class ParsedEntry:
    title: str | None
    company: str | None
    location: str | None
    dates: DateRange | None
    bullets: list[str]
    first_line: Line


def head_like(text: str, ranges: dict | None = None) -> bool:
    s = text.strip()
    if not s or is_bullet(s):
        return False
    rng = ranges[text] if ranges is not None else find_range(text)
    if s[0].islower() and not (rng and _date_led(text, rng)):  # "since 2020" heads an entry
        return False
    words = len(s.split())
    if rng:
        return words <= 20
    return words <= 12 and not s.endswith((".", ";")) and len(s) <= 100


def _bare_date(text: str, rng: DateRange) -> bool:
    """The line holds the date range and nothing else ("2018 – Present", "*since 2020*")."""
    return not re.sub(r"[\W_]+", "", _without(text, rng))


def _date_led(text: str, rng: DateRange) -> bool:
    """The line opens with its date range and no prose follows: "since 2020",
    "from 2011 — Volunteer, Oxfam" (not "since 2019 managing a team of five")."""
    rest = re.sub(r"^[\W_]+", "", text[rng.span[1] :])
    return not re.sub(r"[\W_]+", "", text[: rng.span[0]]) and not rest[:1].islower()


def split_entries(lines: list[Line]) -> tuple[list[RawEntry], list[Line]]:
    """Entries and the lines before the first one.

    Header runs (consecutive head-like lines) alternate with body lines. A CV lays out
    every entry the same way: when its first entry starts with a line that is only a
    date ("01/2019 – present" / title / company), so do the others, and undated lines
    just before a later date line ("Business or sector Logistics") end the entry above.
    When most entries write their undated line above the dated one, an undated line
    under a job with no bullets heads the next job, not that one; and when that line is
    the employer, an entry of one dated line is a further role at the employer above.
    """
    items = [ln for ln in lines if ln.text.strip()]
    ranges = _section_ranges(items)
    blocks: list[list[Line] | Line] = []  # a run of header lines, or one body line
    for line in items:
        if not head_like(line.text, ranges):
            blocks.append(line)
        elif blocks and isinstance(blocks[-1], list):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    runs = [b for b in blocks if isinstance(b, list)]
    dated_section = any(ranges[ln.text] for run in runs for ln in run)
    first = next((run for run in runs if any(ranges[ln.text] for ln in run)), None)
    date_first = first is not None and _starts_with_bare_date(first, ranges)
    above = None if date_first else _undated_above(runs, ranges)
    entries: list[RawEntry] = []
    preamble: list[Line] = []
    for block in blocks:
        if isinstance(block, list):
            _flush_run(block, entries, preamble, dated_section, date_first, above, ranges)
        else:
            (entries[-1].body if entries else preamble).append(block)
    return entries, preamble


def _starts_with_bare_date(run: list[Line], ranges: dict) -> bool:
    rng = ranges[run[0].text]
    return rng is not None and len(run) > 1 and _bare_date(run[0].text, rng)


def _undated_above(runs: list[list[Line]], ranges: dict) -> str | None:
    """What most header runs open with: an undated "employer" ("ACME Corp" / "Analyst
    2019 - 2021") or "title" ("Analyst" / "ACME Corp 2019 - 2021"), or None when most
    open with their dated line ("Analyst 2019 - 2021" / "ACME Corp")."""
    votes = []
    for run in runs:
        if len(run) > 1 and any(ranges[ln.text] for ln in run):
            if ranges[run[0].text] is not None:
                votes.append(None)
            else:
                votes.append("title" if head_noun(run[0].text) in TITLE_HEADS else "employer")
    undated = [v for v in votes if v]
    if len(undated) <= len(votes) - len(undated):
        return None
    return max(("employer", "title"), key=undated.count)


def _flush_run(run, entries, preamble, dated_section, date_first, above, ranges) -> None:
    dated = [i for i, ln in enumerate(run) if ranges[ln.text]]
    if not dated:
        if dated_section:
            (entries[-1].body if entries else preamble).extend(run)
        else:
            entries.append(RawEntry(run, ranges=ranges))
        return
    if date_first and dated[0] > 0:  # the lines above this entry's date end the last entry
        (entries[-1].trailer if entries else preamble).extend(run[: dated[0]])
        run = run[dated[0] :]
        dated = [i - dated[0] for i in dated]
    if len(dated) == len(run):
        groups = [[ln] for ln in run]
    elif dated[0] == 0 and not above:  # undated lines belong to the date above them
        groups = []
        for ln in run:
            if ranges[ln.text] or not groups:
                groups.append([ln])
            else:
                groups[-1].append(ln)
    else:  # undated lines belong to the date below them; trailing ones to the last
        groups, pending = [], []
        for ln in run:
            pending.append(ln)
            if ranges[ln.text]:
                groups.append(pending)
                pending = []
        if pending:
            groups[-1].extend(pending)
    for group in groups:
        date_line = next(ln for ln in group if ranges[ln.text])
        idx = group.index(date_line)
        rng = ranges[date_line.text]
        # A line that is only a date heads the title and company lines below it.
        end = idx + 3 if idx == 0 and _starts_with_bare_date(group, ranges) else idx + 1
        employer = _employer_above(entries, ranges) if above == "employer" and end == 1 else None
        entries.append(RawEntry(group[:end], group[end:], rng, ranges, employer=employer))


def _employer_above(entries: list[RawEntry], ranges: dict) -> Line | None:
    """The employer line of the last entry: its undated first header line, or the one
    it continued."""
    if not entries:
        return None
    last = entries[-1]
    if last.employer is not None:
        return last.employer
    if len(last.header) > 1 and ranges[last.header[0].text] is None:
        return last.header[0]
    return None


def _without(text: str, rng: DateRange | None) -> str:
    return text if rng is None else text[: rng.span[0]] + "  " + text[rng.span[1] :]


def parse_entry(raw: RawEntry, taxonomy: Taxonomy) -> ParsedEntry:
    """Title, company and location of one entry. If they cannot be read (a bug, not a
    layout), the entry comes back without them and the rest of the CV is still read."""
    body = list(raw.body)
    try:
        title, company, location = _header_fields(raw, body, taxonomy)
    except Exception:  # one odd entry must not lose the CV
        log.exception("could not read the entry at line %d", raw.header[0].line)
        title = company = location = None
    bullets = _bullets(body) + [ln.text.strip() for ln in raw.trailer]
    return ParsedEntry(title, company, location, raw.dates, bullets, raw.header[0])


def _header_fields(raw: RawEntry, body: list[Line], taxonomy: Taxonomy):
    """Fields of the header, completed from the first body line(s), which are used up."""
    if raw.employer is not None:  # "Vice President, Global Supply Chain  2008 – 2012"
        texts = [_without(line.text, raw.ranges[line.text]) for line in raw.header]
        title, company, location = read_header(texts, taxonomy, continued=True)
        if company is None:  # under "COLGATE-PALMOLIVE   New York, NY" and its first role
            t2, c2, l2 = read_header([raw.employer.text], taxonomy)
            company, location = c2 or t2, location or l2
        return title, company, location
    title, company, location = _fields(raw.header, taxonomy, raw.ranges)
    # "Staff Nurse  2019 - Present" then "St Mary's Hospital": the next short line completes it.
    if (
        (title is None or company is None)
        and body
        and _header_continuation(body[0].text, raw.ranges)
    ):
        t2, c2, l2 = _fields([body[0]], taxonomy, raw.ranges)
        if title is None and company is not None:
            title = t2 or c2
        elif company is None and title is not None:
            company = c2 or t2
        else:
            title, company = title or t2, company or c2
        location = location or l2
        body.pop(0)
    if location is None and body and is_place(body[0].text):  # the town on a line of its own
        location = body.pop(0).text.strip()
    return title, company, location


def _header_continuation(text: str, ranges: dict) -> bool:
    return head_like(text, ranges) and len(text.split()) <= 8 and not ranges[text]


def _fields(
    lines: list[Line], taxonomy: Taxonomy, ranges: dict
) -> tuple[str | None, str | None, str | None]:
    """Title, company and location of header lines, read with their dates removed."""
    return read_header([_without(line.text, ranges[line.text]) for line in lines], taxonomy)


def _bullets(lines: list[Line]) -> list[str]:
    """Bullet texts, with wrapped continuation lines joined to the bullet above."""
    out: list[str] = []
    for line in lines:
        text = line.text.strip()
        if is_bullet(text) or not out:
            out.append(strip_bullet(text))
        elif text[0].islower() or not out[-1].endswith((".", "!", "?", ":")):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return [b for b in out if b]
