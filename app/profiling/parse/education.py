"""Education entries: degree, institution, location, dates, details.

Lines are grouped "fill until collision": a line naming a degree starts a new
entry when the current one already has a degree; the same for an institution.
That handles degree-first and institution-first layouts alike. A line of dates
alone ("10/2009 – 06/2014", Europass) belongs to the entry above when that has
none, else to the next one.

Education sections also hold certificates ("CSCS Card", "ACA (ICAEW), 2019",
"First Aid at Work"): a line with no degree and no school that reads like a
certificate is sent back as one, as are qualifications from professional bodies
("Institute of Chartered Accountants") rather than schools.
"""

from __future__ import annotations

import re

from app.profiling.models import EducationEntry
from app.profiling.parse.dates import find_dates, find_range
from app.profiling.parse.places import CA_PROVINCES, COUNTRIES, US_STATES, is_place
from app.profiling.parse.sections import Line, cut, is_bullet, strip_bullet

# "BS" is a degree, "BS EN ISO 9606-1" a standard a welder is coded to.
_DEGREE_ABBR = re.compile(
    r"(?<![\w.])(?:Ph\.?D|D\.?Phil|MBA|M\.?Sc|MA|M\.A\.|MS|M\.S\.|MEng|M\.?Ed|MPhil|MRes|LL\.?B|"
    r"LL\.?M|B\.?Sc|BA|B\.A\.|BS(?!\s+(?:EN|ISO|\d))|B\.S\.|BEng|B\.?Ed|BSN|MSN|ADN|BBA|BCom|"
    r"AAS|A\.A\.S\.|AS|AA|HND|"
    r"HNC|PGCE|PGDE|PGCert|PGDip|GCSEs?|A[- ]?Levels?|AS[- ]Levels?|BTEC|NVQ|SVQ|IB|GED|MD|JD|"
    r"BTS|DUT|Abitur|Matura|Highers?|BFA|MFA|B\.?Arch|M\.?Arch|BMus|MMus|MBBS|MBChB|BDS|BPharm|"
    r"MPharm|PharmD|DNP|EdD|PsyD|MPA|MPH|MSW|BSW|B\.?Tech|M\.?Tech|B\.E\.|M\.E\.|BCA|MCA|"
    r"[BM]\.(?:[A-Z][a-z]{0,3}\.?){1,3}|"  # dotted: "B.S.E.", "M.B.A.", "B.Com."
    r"M(?:Chem|Phys|Math|Sci|Biol|Biochem|Geog)|"
    r"SSC|HSC|SSLC|(?:Class|Std\.?)\s+(?:XII|X|10|12)(?:th)?)"  # India: "Class XII (CBSE)"
    r"(?![\w])"
)
# "Certificate" alone is a ticket ("Water Regulations certificate"); "Certificate in
# Education" and "Graduate Certificate" are qualifications.
_DEGREE_WORD = re.compile(
    r"\b(?:bachelor|master|doctor(?:ate)?|associate)(?:'?s)?\s+(?:of|in|degree)\b"
    r"|\b(?:diploma|degree|apprenticeship|high school diploma|city (?:&|and) guilds"
    r"|baccalaureate|foundation degree|postgraduate|undergraduate|doctorate"
    r"|certificate (?:[IV]+ )?(?:in|of)|(?:graduate|postgraduate|leaving|general|national)"
    r" certificate"
    r"|higher secondary|senior secondary|matriculation"
    r"|ausbildung|studium|diplom)\b",
    re.IGNORECASE,
)
_INSTITUTION = re.compile(
    r"\b(?:university|universit(?:é|à|ät|at)|universidade?|college|coleg|school|institute"
    r"|academy|polytechnic|politecnico|politechnika|conservatoire|conservatory|sixth form"
    r"|training centre|training center|lyc[ée]e|liceo|liceum|gymnasium|[ée]cole|escuela"
    r"|\w*schule|instituto|istituto|faculty|facult[ée]|tafe|iit|vidyalaya|vidyapeeth)\b",
    re.IGNORECASE,
)
#: Bodies that award professional qualifications, not schools.
_PROFESSIONAL_BODY = re.compile(
    r"\b(?:chartered|certified|board of|association of|society of|register)\b", re.IGNORECASE
)
_CERTIFICATE = re.compile(
    r"\b(?:certificates?|certification|certified|licen[cs]e[ds]?|card|ticket|registration"
    r"|registered|accredit\w*|passport|award in|first aid(?:er)?|cpr)\b",
    re.IGNORECASE,
)
#: An acronym or code first ("CSCS Gold Card", "G3 Unvented", "ACA (ICAEW)"), not "GPA".
_CODE_FIRST = re.compile(r"^(?!GPA\b)(?:[A-Z]{2,}\d*|[A-Z]\d{1,2})\b(?!\s+[a-z])")
#: Honours and grades: details of a degree, never a degree or a place of their own.
_HONOURS = re.compile(
    r"\bcum laude\b|\bscholar\b|dean'?s list|valedictorian|salutatorian|\bdistinction\b"
    r"|\bmerit\b|first[- ]class|\b(?:upper|lower) second\b|\bhonou?rs\b|\bc?gpa\b",
    re.IGNORECASE,
)
#: Words of a subject studied, which a place name does not have.
_SUBJECT = re.compile(
    r"\b(?:science|sciences|studies|engineering|management|technology|arts|law|business"
    r"|economics|mathematics|medicine|education|design|administration|commerce|finance"
    r"|accounting|nursing|psychology|computing|chemistry|physics|biology|history)\b",
    re.IGNORECASE,
)
_INITIALS_END = re.compile(r"(?<![\w.])(?:[A-Za-z]{1,2}\.){2,}$")  # "B.A.", "Ph.D."
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_NOISE = re.compile(r"\b(?:expected|graduated|graduation|completed|awarded)\b:?", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"\s;\s|;\s")
_DEGREE_TAIL = re.compile(r"\b(?:diploma|certificate|degree|ged)\s*$", re.IGNORECASE)
# Not inside brackets: "(grades A–C)", "(Hons, First Class)" stay whole. A dash
# splits when spaced, or as an em dash ("Target—Houston"), not as "A–C".
_SPLIT = re.compile(r"\s*(?:[|•·▪●◦]|\s[–-]\s|\s–|–\s|—|,|\s{2,})\s*(?![^()]*\))")
_LABEL = re.compile(r"^([A-Za-z][\w '&/-]{1,40}?)\s*:\s*(\S.*)$")
_FIELD_LABEL = re.compile(
    r"(?:degree|qualification|course|programme|program|major|institution|school|university"
    r"|college|date|year|period|location)s?",
    re.IGNORECASE,
)
_BRACKETED_PLACE = re.compile(r"^(.+?)\s*\(([^()]+)\)$")
_REGIONS = {*US_STATES, *CA_PROVINCES} | {n.lower() for n in US_STATES.values()} | COUNTRIES


def _trim(frag: str) -> str:
    """Strip punctuation at the ends, but keep a bracket whose partner is inside and
    the last dot of initials ("B.A.")."""
    frag = frag.strip(" :;-–")
    frag = frag.lstrip(".") if _INITIALS_END.search(frag) else frag.strip(" .:;-–")
    if frag.endswith(")") and "(" not in frag:
        frag = frag[:-1]
    if frag.startswith("(") and ")" not in frag:
        frag = frag[1:]
    if frag.count("(") > frag.count(")"):
        frag += ")"
    return frag.strip()


def has_degree(text: str) -> bool:
    return bool(_DEGREE_ABBR.search(text) or _DEGREE_WORD.search(text))


def has_institution(text: str) -> bool:
    return bool(_INSTITUTION.search(text))


def parse_education(
    lines: list[Line],
) -> tuple[list[tuple[EducationEntry, Line]], list[Line]]:
    """Education entries, and the lines that are certificates rather than schooling
    ("Care Certificate; Safeguarding Adults; Basic Life Support", "ACCA, 2019")."""
    entries: list[tuple[EducationEntry, Line]] = []
    certificates: list[Line] = []
    current: EducationEntry | None = None
    listed = False  # the current entry is a list item, so the next items are its siblings
    pending: tuple[str | None, str | None] | None = None  # dates written before their entry
    guess: str | None = None  # the current institution, read from a line without a school word
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        bullet = is_bullet(text)
        text = strip_bullet(text)
        if bullet and current is not None and not listed:
            current.details.append(text)
            continue
        if len(_LIST_SEPARATOR.findall(text)) >= 1 and not has_institution(text):
            certificates.append(line)  # a list of courses and tickets
            continue
        after_degree = current is not None and current.degree is not None
        degree, institution, location, start, end, other = _fields(text, after_degree)
        if not (degree or institution or other) and (start or end):  # a line of dates
            if current is not None and not (current.start or current.end) and pending is None:
                current.start, current.end = start, end
            else:
                pending = (start, end)
            continue
        if not (degree or institution) and _prose(text):  # a summary under "Qualifications"
            if current is not None:
                current.details.append(text)
            continue
        if _professional(text, degree):
            certificates.append(line)
            continue
        if not (degree or institution):
            # a school named by its initials ("BSc Physics" / "UCL, 2019") fills an entry
            # that has none; a code first in a list of items is a ticket ("CSCS Gold Card")
            complete = current is None or listed or current.institution is not None
            if (
                current is None
                or _certificate(text, code_first=complete)
                or _dated_apart(text, current, start or end)
            ):
                certificates.append(line)
            elif _detail_label(text):  # "Relevant modules: Databases, Algorithms" stays whole
                current.details.append(text)
            else:
                guess = _fill(current, other) or guess
                current.location = current.location or location
                current.start, current.end = current.start or start, current.end or end
            continue
        if current is not None and institution and guess and not degree:
            # "Bachelor of Commerce, Information Technology Management" / "Toronto
            # Metropolitan University": the words taken for the school were the field
            current.degree = f"{current.degree}, {guess}"
            current.institution = guess = None
        starts_new = (
            current is None
            or pending is not None
            or bool(degree and current.degree)
            or bool(institution and current.institution and not degree)
        )
        if starts_new:
            current = EducationEntry()
            entries.append((current, line))
            listed = bullet
            guess = None
            if pending is not None:
                current.start, current.end = pending
                pending = None
        current.degree = current.degree or degree
        current.institution = current.institution or institution
        current.location = current.location or location
        if start and not current.start:
            current.start = start
        if end and not current.end:
            current.end = end
        guess = _fill(current, other) or guess
    return [(e, ln) for e, ln in entries if e.degree or e.institution], certificates


def _fill(entry: EducationEntry, frags: list[str]) -> str | None:
    """Fragments no pattern named: the missing institution or degree, else details.
    Returns the fragment taken for the institution, a guess a school word may correct."""
    guess = None
    for i, frag in enumerate(frags):
        if entry.institution is None and entry.degree is not None and _org_name(frag):
            entry.institution = frag
            guess = frag if not frag.isupper() else None  # "UCL", "INSEAD" are schools
        elif entry.location is None and i and frags[i - 1] == entry.institution and _town(frag):
            entry.location = frag
        elif (
            entry.degree is None
            and entry.institution is not None
            and len(frag) < 80
            and not _honour(frag)
        ):
            entry.degree = frag
        elif len(frag) > 2:
            entry.details.append(frag)
    return guess


def _prose(text: str) -> bool:
    return len(text.split()) >= 12 and bool(_SENTENCE_END.search(text))


def _dated_apart(text: str, entry: EducationEntry, date: str | None) -> bool:
    """A line dated after the entry above it ends ("Mental Health First Aider, 2022"
    under "BA Psychology, 2014") is something done since, unless it is an honour."""
    last = entry.end if entry.end and entry.end[:1].isdigit() else entry.start
    return (
        date is not None
        and last is not None
        and date[:4] > last[:4]
        and not _honour(text)
        and not _detail_label(text)
    )


def _professional(text: str, degree: str | None) -> bool:
    """ "ACA – Institute of Chartered Accountants", "RN, State Board of Nursing"."""
    return degree is None and bool(_PROFESSIONAL_BODY.search(text))


def _detail_label(text: str) -> bool:
    """ "Dissertation: ...", "Modules: ...", but not a field ("Dates: 2014 - 2016")."""
    label = _LABEL.match(text)
    return label is not None and not _FIELD_LABEL.fullmatch(label.group(1))


def _certificate(text: str, *, code_first: bool) -> bool:
    """A line under a degree that is a ticket of its own, not a detail of the degree."""
    if _detail_label(text):
        return False
    return bool(_CERTIFICATE.search(text) or (code_first and _CODE_FIRST.match(text)))


def _org_name(frag: str) -> bool:
    """ "Zhejiang University", "IEC Texas": capitalised words, not "Full UK driving licence"."""
    words = [w for w in frag.split() if w[0].isalpha()]
    small = {"of", "the", "and", "for", "de", "&", "at", "in", "zu", "für", "der", "du", "des"}
    return bool(words) and len(frag) < 60 and all(w[0].isupper() or w in small for w in words)


def _fields(text: str, after_degree: bool = False):
    """Degree, institution, location, start, end and the other fragments of a line.
    Once the entry has its degree, a town's name after the school is its place
    ("Delhi Public School, Bangalore South"), not a subject."""
    start = end = location = None
    label = _LABEL.match(text)
    if label and _FIELD_LABEL.fullmatch(label.group(1)):  # "Qualification: NVQ Level 2"
        text = label.group(2)
        if label.group(1).lower().startswith("location"):
            return None, None, text.strip(), None, None, []
    rng = find_range(text)
    if rng:
        start, end = rng.start.iso() if rng.start else None, rng.end_text
        text = cut(text, *rng.span)
    else:
        dates = find_dates(text)
        if dates:
            end = dates[-1][0].iso()
            for _, (a, b) in reversed(dates):
                text = cut(text, a, b)
    text = _NOISE.sub(" ", text)
    degree = institution = None
    other = []
    label = _LABEL.match(text)
    if label and has_degree(label.group(1)) and not has_institution(text):
        # "A Levels: English (A), History (B)": the subjects are part of the qualification
        return _trim(" ".join(text.split())), None, None, start, end, []
    frags = [f for f in map(_trim, _SPLIT.split(text)) if len(f) >= 2]
    frags, places = _join_places(frags, shouting=text.isupper())
    for i, frag in enumerate(frags):
        named = after_degree or degree is not None
        if location is None and (frag in places or (named and _place_after(frags, i))):
            location = frag
        elif degree is not None and frags[i - 1] == degree and _subject(frag):
            degree = f"{degree}, {frag}"  # "B.A., Political Science"
        elif degree is None and (
            (has_degree(frag) and not has_institution(frag))
            or (_DEGREE_TAIL.search(frag) and has_institution(frag))  # "High School Diploma"
        ):
            degree = frag
        elif institution is None and has_institution(frag):
            institution = frag
        elif location is None and is_place(frag):
            location = frag
        elif degree is None and has_degree(frag):
            degree = frag
        else:
            other.append(frag)
    return degree, institution, location, start, end, other


def _place_after(frags: list[str], i: int) -> bool:
    """A town's name right after the school: "Delhi Public School, Bangalore South"."""
    return i > 0 and has_institution(frags[i - 1]) and _town(frags[i])


def _town(frag: str) -> bool:
    """A town's name, not an honour or a subject."""
    return _placename(frag) and not _honour(frag) and not _SUBJECT.search(frag)


def _subject(frag: str) -> bool:
    """ "Political Science", "Information Technology Management": what was studied."""
    return bool(_SUBJECT.search(frag)) and not (
        has_institution(frag) or has_degree(frag) or _honour(frag) or _DIGIT.search(frag)
    )


def _honour(frag: str) -> bool:
    """ "magna cum laude", "Baker Scholar"; not "MChem Chemistry (First Class)"."""
    return bool(_HONOURS.search(re.sub(r"\([^)]*\)", "", frag)))


def _join_places(frags: list[str], *, shouting: bool) -> tuple[list[str], set[str]]:
    """Put a place split at its comma back together: "Seattle" + "WA" -> "Seattle, WA";
    and "Poznań (Poland)" -> "Poznań, Poland". Returns the fragments and the places.
    `shouting`: the line is in capitals, so capitals are not initials ("MIT")."""
    out: list[str] = []
    places: set[str] = set()
    for frag in frags:
        bracketed = _BRACKETED_PLACE.match(frag)
        town = bracketed.group(1) if bracketed else ""
        if bracketed and _is_region(bracketed.group(2)) and _placename(town, shouting):
            frag = f"{bracketed.group(1)}, {bracketed.group(2)}"
            places.add(frag)
        elif out and _is_region(frag) and (out[-1] in places or _placename(out[-1], shouting)):
            frag = f"{out.pop()}, {frag}"  # "Austin" + "Texas" + "USA"
            places.add(frag)
        out.append(frag)
    return out, places


def _is_region(text: str) -> bool:
    return text in _REGIONS or text.lower() in _REGIONS


def _placename(text: str, shouting: bool = False) -> bool:
    """A town's name: one to three capitalised words, no initials, no school or degree."""
    words = text.split()
    return (
        1 <= len(words) <= 3
        and all(w[0].isupper() and (shouting or len(w) == 1 or not w.isupper()) for w in words)
        and not has_institution(text)
        and not has_degree(text)
        and not any(c.isdigit() for c in text)
    )
