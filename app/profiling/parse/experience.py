"""Experience entries: title, company, location, dates and bullets.

An entry starts at a "header run": consecutive short lines that are neither
bullets nor sentences, one of which holds a date range. This covers the usual
layouts (title / company / dates on one, two or three lines, in any order).
Header fragments are told apart by what they look like: a known job title or
a title head noun ("... Nurse", "... Operative"); an organisation word ("Ltd",
"Hospital", "School"); a place ("Leeds", "Birmingham, AL").
"""

from __future__ import annotations

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
_CHUNKS = re.compile(r"\s*(?:[|•·▪●◦]|–|—|\s-\s|\s{2,}|\(|\)|/)\s*")
_SPLIT = re.compile(r"\s*(?:[|•·▪●◦]|–|—|\s-\s|,|\s{2,}|\bat\b|@|\(|\)|/)\s*")


class _Ranges(dict):
    """find_range per line text, computed once per section (lines are asked many times)."""

    def __missing__(self, text: str) -> DateRange | None:
        value = self[text] = find_range(text)
        return value


@dataclass
class RawEntry:
    header: list[Line]
    body: list[Line] = field(default_factory=list)
    dates: DateRange | None = None
    ranges: dict = field(default_factory=_Ranges)


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
    if not s or is_bullet(s) or s[0].islower():
        return False
    words = len(s.split())
    if (ranges[text] if ranges is not None else find_range(s)):
        return words <= 20
    return words <= 12 and not s.endswith((".", ";")) and len(s) <= 100


def split_entries(lines: list[Line]) -> tuple[list[RawEntry], list[Line]]:
    """Entries and the lines before the first one."""
    items = [ln for ln in lines if ln.text.strip()]
    ranges = _Ranges()
    dated_section = any(ranges[ln.text] for ln in items)
    entries: list[RawEntry] = []
    preamble: list[Line] = []
    run: list[Line] = []

    def flush() -> None:
        if not run:
            return
        _flush_run(list(run), entries, preamble, dated_section, ranges)
        run.clear()

    for line in items:
        if head_like(line.text, ranges):
            run.append(line)
            continue
        flush()
        (entries[-1].body if entries else preamble).append(line)
    flush()
    return entries, preamble


def _flush_run(run, entries, preamble, dated_section, ranges) -> None:
    dated = [i for i, ln in enumerate(run) if ranges[ln.text]]
    if not dated:
        if dated_section:
            (entries[-1].body if entries else preamble).extend(run)
        else:
            entries.append(RawEntry(run, ranges=ranges))
        return
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
        header, body = group[: idx + 1], group[idx + 1 :]
        entries.append(RawEntry(header, body, rng, ranges))


def _without(text: str, rng: DateRange | None) -> str:
    return text if rng is None else text[: rng.span[0]] + "  " + text[rng.span[1] :]


def _short(lines: list[Line]) -> bool:
    return all(len(ln.text.split()) <= 8 for ln in lines)


def parse_entry(raw: RawEntry, taxonomy: Taxonomy) -> ParsedEntry:
    title, company, location = _fields(raw.header, taxonomy, raw.ranges)
    body = list(raw.body)
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
    return ParsedEntry(title, company, location, raw.dates, _bullets(body), raw.header[0])


def _header_continuation(text: str, ranges: dict) -> bool:
    return head_like(text, ranges) and len(text.split()) <= 8 and not ranges[text]


def _fields(
    lines: list[Line], taxonomy: Taxonomy, ranges: dict
) -> tuple[str | None, str | None, str | None]:
    fragments: list[str] = []
    location = None
    for line in lines:
        text = _without(line.text, ranges[line.text])
        for chunk in _CHUNKS.split(text):
            if location is None:
                place, chunk = _trailing_place(chunk)
                location = place
            fragments += [f.strip(" :-–") for f in _SPLIT.split(chunk) if len(f.strip(" .:-–")) > 1]
    title = company = None
    rest = []
    for frag in fragments:
        if location is None and is_place(frag):
            location = frag
        elif title is None and _is_title(frag, taxonomy):
            title = frag
        else:
            rest.append(frag)
    for frag in rest:
        if company is None and _is_org(frag):
            company = frag
    # "(contract)", "(part-time)": lower-case words qualify the job, they are not names.
    leftovers = [f for f in rest if f != company and not re.fullmatch(r"[\d\W]+", f)
                 and not f[0].islower()]  # fmt: skip
    named = (company is not None) + (title is not None) + len(leftovers)
    if location is None and named >= 3 and leftovers and _place_like(leftovers[-1]):
        location = leftovers.pop()  # "Picker, DHL Supply Chain, Northampton": the town is last
    if title is None and leftovers and company is None and len(leftovers) == 1:
        company = leftovers.pop(0) if _is_org(leftovers[0]) else None
    if title is None and leftovers:
        title = leftovers.pop(0)
    if company is None and leftovers:
        company = leftovers.pop(0)
    return title, company, location


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


def _is_title(frag: str, taxonomy: Taxonomy) -> bool:
    if _is_org(frag):
        return taxonomy.match_title(frag) is not None and frag.split()[-1].lower() in TITLE_HEADS
    words = frag.lower().split()
    return taxonomy.match_title(frag) is not None or bool(words and words[-1] in TITLE_HEADS)


def _is_org(frag: str) -> bool:
    return any(w.lower().strip(",.") in ORG_WORDS for w in frag.split()) or (frag.isupper() and len(
        frag
    ) <= 6)


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
