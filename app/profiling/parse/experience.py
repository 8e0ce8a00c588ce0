"""Experience entries: title, company, location, dates and bullets.

An entry starts at a "header run": consecutive short lines that are neither
bullets nor sentences, one of which holds a date range. This covers the usual
layouts (title / company / dates on one, two or three lines, in any order, or
a date line on top as Europass writes it). Header fragments are told apart by
their head noun, a job ("... Nurse", "... Engineer II", "Head of ...") or an
organisation ("... Ltd", "... Hospital", "University of ..."); by a known job
title; by a place ("Leeds", "Birmingham, AL"), which follows the employer.
Brackets qualify the part before them ("Amazon (BHX4)"): they are not parts.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from app.profiling.parse.dates import DateRange, find_range
from app.profiling.parse.places import _PAIR, is_place
from app.profiling.parse.sections import Line, is_bullet, strip_bullet
from app.profiling.taxonomy import Taxonomy

TITLE_HEADS = set(
    [
        "nurse", "engineer", "developer", "manager", "assistant", "administrator", "technician",
        "electrician", "teacher", "analyst", "accountant", "clerk", "officer", "representative",
        "associate", "consultant", "specialist", "coordinator", "co-ordinator", "supervisor",
        "operative", "driver", "worker", "apprentice", "intern", "director", "lead", "executive",
        "receptionist", "cashier", "advisor", "adviser", "agent", "designer", "architect",
        "scientist", "plumber", "carpenter", "joiner", "welder", "fabricator", "chef", "cook",
        "server", "waiter", "waitress", "bartender", "barista", "attendant", "aide", "carer",
        "tutor", "lecturer", "instructor", "secretary", "bookkeeper", "auditor", "controller",
        "planner", "buyer", "picker", "packer", "handler", "mechanic", "fitter", "installer",
        "labourer", "laborer", "foreman", "president", "head", "partner", "owner", "founder",
        "programmer", "tester", "trainer", "coach", "therapist", "practitioner", "paramedic",
        "midwife", "pharmacist", "physician", "doctor", "surgeon", "dentist", "hygienist",
        "counsellor", "counselor", "housekeeper", "cleaner", "caretaker", "porter", "steward",
        "guard", "operator", "machinist", "inspector", "surveyor", "estimator", "editor",
        "writer", "copywriter", "recruiter", "paralegal", "solicitor", "lawyer", "attorney",
        "teller", "broker", "underwriter", "adjuster", "dispatcher", "courier", "merchandiser",
        "stocker", "sorter", "loader", "painter", "decorator", "roofer", "bricklayer",
        "plasterer", "landscaper", "gardener", "nanny", "childminder", "educator", "principal",
        "headteacher", "librarian", "researcher", "fellow", "volunteer", "member", "colleague",
        "crew", "host", "hostess", "stylist", "officer",
    ]
)
ORG_WORDS = set(
    [
        "ltd", "ltd.", "limited", "inc", "inc.", "llc", "llp", "plc", "corp", "corp.",
        "corporation", "company", "co", "co.", "group", "holdings", "hospital", "hospitals",
        "nhs", "trust", "foundation", "school", "academy", "university", "college", "institute",
        "council", "bank", "services", "solutions", "systems", "technologies", "consulting",
        "consultancy", "partners", "associates", "clinic", "centre", "center", "restaurant",
        "restaurants", "hotel", "hotels", "resort", "store", "stores", "supermarket", "agency",
        "department", "ministry", "authority", "labs", "laboratories", "studio", "industries",
        "manufacturing", "logistics", "construction", "builders", "pharmacy", "surgery",
        "practice", "homes", "healthcare", "international", "global", "enterprises", "media",
        "software", "digital", "airlines", "motors", "energy", "foods", "bakery", "cafe", "café",
        "pub", "diner", "inn", "club", "church", "charity", "county", "district", "federal",
        "army", "police", "gmbh", "s.a.", "ag", "bv", "pty",
    ]
)
_NOT_PLACE = {"team", "unit", "ward", "division", "office", "branch", "site", "project", "shift"}
# Words that make a name a registered organisation wherever they stand.
_LEGAL = {"ltd", "ltd.", "limited", "inc", "inc.", "llc", "llp", "plc", "corp", "corp.", "gmbh",
          "s.a.", "ag", "bv", "pty"}  # fmt: skip
_CHUNKS = re.compile(r"\s*(?:[|•·▪●◦]|–|—|\s-\s|\s{2,}|\(|\))\s*")
_SPLIT = re.compile(r"\s*(?:,|\bat\b|@)\s*")
_STRIP = " :-–/"
# "(Year 4)", "(BHX4)", "(contract)" qualify the part before them; "(Poland)" may be a place.
_PAREN = re.compile(r"\s*\(([^()]*)\)(?P<end>\s*(?:$|[,|;•·▪–—]|\s-\s))?")
# Levels after a title's head noun: "Engineer II", "Technician 2", "Nurse Band 5", "Analyst Sr."
_LEVEL = re.compile(
    r"(?:\s+(?:[IVX]{1,4}|\d{1,2}|(?i:level|grade|band|tier)\s*\d+"
    r"|(?i:senior|junior|sr|jr|snr|jnr)\.?))+\s*$"
)
# "Head of Sales", "Assistant to the Director", "University of Leeds": the head comes first.
_LINK = re.compile(r"\s(?:of|for|to|in)\s")
_ALTERNATIVES = re.compile(r"\s+/\s+")
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


@dataclass
class _Fragment:
    text: str
    before_place: bool = False  # "Target, Houston, TX": the name a place follows is the employer


def _fields(
    lines: list[Line], taxonomy: Taxonomy, ranges: dict
) -> tuple[str | None, str | None, str | None]:
    """Title, company and location of header lines.

    Cues in order of strength: the head noun of a title ("... Engineer II", "Head of
    ...") or of an organisation ("... Ltd", "University of ..."); a known job title;
    the place that follows an employer ("Zillow — Seattle, WA"); and last, the order
    in which CVs usually write them (title, then company).
    """
    fragments, location = _fragments(lines, taxonomy, ranges)
    scored = [(_title_score(f.text, taxonomy), not f.before_place, -i, f)
              for i, f in enumerate(fragments)]  # fmt: skip
    best = max(scored, key=lambda s: s[:3], default=None)
    title_frag = best[3] if best and best[0] > 0 else None
    rest = [f for f in fragments if f is not title_frag]
    company_frag = next((f for f in rest if _is_org(f.text)), None) or next(
        (f for f in rest if f.before_place), None
    )
    title = title_frag.text if title_frag else None
    company = company_frag.text if company_frag else None
    # "(contract)", "part-time": lower-case words qualify the job, they are not names.
    leftovers = [f.text for f in rest if f is not company_frag
                 and not re.fullmatch(r"[\d\W]+", f.text) and not f.text[0].islower()]  # fmt: skip
    named = (company is not None) + (title is not None) + len(leftovers)
    if location is None and named >= 3 and leftovers and _place_like(leftovers[-1]):
        location = leftovers.pop()  # "Picker, DHL Supply Chain, Northampton": the town is last
    if title is None and leftovers:
        title = leftovers.pop(0)
    if company is None and leftovers:
        company = leftovers.pop(0)
    return title, company, location


def _fragments(
    lines: list[Line], taxonomy: Taxonomy, ranges: dict
) -> tuple[list[_Fragment], str | None]:
    """The named parts of header lines (dates and qualifiers removed), and the place."""
    fragments: list[_Fragment] = []
    location = None
    for line in lines:
        text = _drop_qualifiers(_without(line.text, ranges[line.text]))
        parts: list[_Fragment] = []  # this line's parts so far
        for chunk in _CHUNKS.split(text):
            place = None
            if location is None:
                place, chunk = _trailing_place(chunk.strip(_STRIP))
            for piece in _SPLIT.split(chunk):
                piece = piece.strip(_STRIP)
                if location is None and place is None and is_place(piece):
                    place = piece  # "Acme Ltd, Leeds, 2019 - 2020"
                    continue
                parts += [_Fragment(p) for p in _alternatives(piece, taxonomy)
                          if len(p.strip(" .")) > 1]  # fmt: skip
            if place is not None:
                location = place
                if parts:
                    parts[-1].before_place = True
        fragments += parts
    return fragments, location


def _drop_qualifiers(text: str) -> str:
    """ "Amazon (BHX4)", "Teacher (Year 4)", "(contract)": a bracket qualifies the part
    before it and is no part of its own. A place closing a part stays: "Warsaw (Poland)"."""

    def replace(m: re.Match) -> str:
        inner, end = m.group(1).strip(), m.group("end")
        return (f", {inner}" if end is not None and is_place(inner) else " ") + (end or "")

    return _PAREN.sub(replace, text)


def _alternatives(piece: str, taxonomy: Taxonomy) -> list[str]:
    """ "Sales Associate / Keyholder" is one title with two names; "Engineer / Google"
    is two parts."""
    names = [n for n in _ALTERNATIVES.split(piece) if n]
    if len(names) > 1 and all(_title_score(n, taxonomy) for n in names):
        return [piece]
    return names


def _place_like(frag: str) -> bool:
    words = frag.split()
    if not 1 <= len(words) <= 3 or _is_org(frag) or _NOT_PLACE & {w.lower() for w in words}:
        return False
    return all(w[0].isupper() and w.isalpha() for w in words)


def _trailing_place(chunk: str) -> tuple[str | None, str]:
    """ "ACME Corp, New York, NY" -> ("New York, NY", "ACME Corp"). Places come last."""
    parts = [p.strip() for p in chunk.split(",")]
    for i in range(len(parts) - 2, -1, -1):
        pair = f"{parts[i]}, {parts[i + 1]}"
        m = _PAIR.fullmatch(pair)
        if m and not _is_org(parts[i]) and (m.group("region") or is_place(pair)):
            return pair, ", ".join(parts[:i] + parts[i + 2 :])
    return None, chunk


def _head(frag: str) -> str:
    """The word a name is about: the last one ("Software Engineer II" -> engineer), or the
    one before "of"/"for"/"to"/"in" ("Head of Sales" -> head, "Bank of England" -> bank)."""
    link = _LINK.search(frag)
    words = _LEVEL.sub("", frag[: link.start()] if link else frag).split()
    return words[-1].lower().strip(",.") if words else ""


def _title_score(frag: str, taxonomy: Taxonomy) -> int:
    """2: its head noun names a job; 1: a known job title; 0: not a title."""
    head = _head(frag)
    if head in TITLE_HEADS and not _LEGAL & _words(frag):
        return 2
    if head in ORG_WORDS or _LEGAL & _words(frag):
        return 0
    return 1 if taxonomy.match_title(frag) is not None else 0


def _is_org(frag: str) -> bool:
    """ "Acme Ltd", "St James's Hospital", "Northern Care Services", "IBM" — but not
    "Software Engineer" or "Healthcare Assistant", whose head noun names a job."""
    words = _words(frag)
    if _LEGAL & words:
        return True
    if _head(frag) in TITLE_HEADS:
        return False
    return bool(words & ORG_WORDS) or (frag.isupper() and len(frag) <= 6)


def _words(frag: str) -> set[str]:
    return {w.lower().strip(",.") for w in frag.split()}


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
