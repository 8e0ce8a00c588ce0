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

from app.profiling.parse.dates import DateRange, find_range
from app.profiling.parse.entry_header import read_header
from app.profiling.parse.places import is_place
from app.profiling.parse.sections import Line, is_bullet, strip_bullet
from app.profiling.taxonomy import Taxonomy

log = logging.getLogger(__name__)


class _Ranges(dict):
    """find_range per line text, computed once per section (lines are asked many times).
    A line whose dates cannot be read counts as undated: one odd line never stops a parse."""

    def __missing__(self, text: str) -> DateRange | None:
        try:
            value = find_range(text)
        except Exception:  # a bug in date parsing must not lose the CV
            log.exception("could not read the dates in %r", text)
            value = None
        self[text] = value
        return value


@dataclass
class RawEntry:
    header: list[Line]
    body: list[Line] = field(default_factory=list)
    dates: DateRange | None = None
    ranges: dict = field(default_factory=_Ranges)
    # whole lines after the body that close the entry ("Business or sector Logistics")
    trailer: list[Line] = field(default_factory=list)


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
    """
    items = [ln for ln in lines if ln.text.strip()]
    ranges = _Ranges()
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
    entries: list[RawEntry] = []
    preamble: list[Line] = []
    for block in blocks:
        if isinstance(block, list):
            _flush_run(block, entries, preamble, dated_section, date_first, ranges)
        else:
            (entries[-1].body if entries else preamble).append(block)
    return entries, preamble


def _starts_with_bare_date(run: list[Line], ranges: dict) -> bool:
    rng = ranges[run[0].text]
    return rng is not None and len(run) > 1 and _bare_date(run[0].text, rng)


def _flush_run(run, entries, preamble, dated_section, date_first, ranges) -> None:
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
    elif dated[0] == 0:  # date first: undated lines belong to the date above them
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
        entries.append(RawEntry(group[:end], group[end:], rng, ranges))


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
