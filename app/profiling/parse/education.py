"""Education entries: degree, institution, location, dates, details.

Lines are grouped "fill until collision": a line naming a degree starts a new
entry when the current one already has a degree; the same for an institution.
That handles degree-first and institution-first layouts alike.
"""

from __future__ import annotations

import re

from app.profiling.models import EducationEntry
from app.profiling.parse.dates import find_dates, find_range
from app.profiling.parse.places import is_place
from app.profiling.parse.sections import Line, is_bullet, strip_bullet

_DEGREE_ABBR = re.compile(
    r"(?<![\w.])(?:Ph\.?D|D\.?Phil|MBA|M\.?Sc|MA|M\.A\.|MS|M\.S\.|MEng|M\.?Ed|MPhil|MRes|LL\.?B|"
    r"LL\.?M|B\.?Sc|BA|B\.A\.|BS|B\.S\.|BEng|B\.?Ed|BSN|MSN|ADN|BBA|BCom|AAS|A\.A\.S\.|AS|AA|HND|"
    r"HNC|PGCE|PGDE|PGCert|PGDip|GCSEs?|A[- ]?Levels?|AS[- ]Levels?|BTEC|NVQ|SVQ|IB|GED|MD|JD|RN)"
    r"(?![\w])"
)
_DEGREE_WORD = re.compile(
    r"\b(?:bachelor|master|doctor(?:ate)?|associate)(?:'?s)?\s+(?:of|in|degree)\b"
    r"|\b(?:diploma|certificate|degree|apprenticeship|high school diploma|city (?:&|and) guilds"
    r"|level [1-7]|honours|hons|baccalaureate|foundation degree|postgraduate|undergraduate"
    r"|graduate certificate|doctorate)\b",
    re.IGNORECASE,
)
_INSTITUTION = re.compile(
    r"\b(?:university|universit[éy]|college|school|institute|academy|polytechnic|conservatoire"
    r"|conservatory|sixth form|training centre|training center|lyc[ée]e|gymnasium)\b",
    re.IGNORECASE,
)
_NOISE = re.compile(r"\b(?:expected|graduated|graduation|completed|awarded)\b:?", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"\s;\s|;\s")
_DEGREE_TAIL = re.compile(r"\b(?:diploma|certificate|degree|ged)\s*$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:[|•·▪●◦]|–|—|\s-\s|,|\s{2,})\s*")


def _trim(frag: str) -> str:
    """Strip punctuation at the ends, but keep a bracket whose partner is inside."""
    frag = frag.strip(" .:;-–")
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
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if is_bullet(text) and current is not None:
            current.details.append(strip_bullet(text))
            continue
        text = strip_bullet(text)
        if len(_LIST_SEPARATOR.findall(text)) >= 1 and not has_institution(text):
            certificates.append(line)  # a list of courses and tickets
            continue
        degree, institution, location, start, end, other = _fields(text)
        if current is None and not (degree or institution):
            certificates.append(line)
            continue
        starts_new = current is None or (
            (degree and current.degree) or (institution and current.institution and not degree)
        )
        if starts_new and not (degree or institution) and current is not None:
            starts_new = False
        if starts_new:
            current = EducationEntry()
            entries.append((current, line))
        current.degree = current.degree or degree
        current.institution = current.institution or institution
        current.location = current.location or location
        if start and not current.start:
            current.start = start
        if end and not current.end:
            current.end = end
        for frag in other:
            if current.institution is None and current.degree is not None and _org_name(frag):
                current.institution = frag
            elif current.degree is None and current.institution is not None and len(frag) < 80:
                current.degree = frag
            elif len(frag) > 2:
                current.details.append(frag)
    return [(e, ln) for e, ln in entries if e.degree or e.institution], certificates


def _org_name(frag: str) -> bool:
    """ "Zhejiang University", "IEC Texas": capitalised words, not "Full UK driving licence"."""
    words = frag.split()
    small = {"of", "the", "and", "for", "de", "&", "at", "in"}
    return len(frag) < 60 and all(w[0].isupper() or w in small for w in words if w[0].isalpha())


def _fields(text: str):
    start = end = None
    rng = find_range(text)
    if rng:
        start, end = rng.start.iso() if rng.start else None, rng.end_text
        text = text[: rng.span[0]] + "  " + text[rng.span[1] :]
    else:
        dates = find_dates(text)
        if dates:
            end = dates[-1][0].iso()
            for _, (a, b) in reversed(dates):
                text = text[:a] + "  " + text[b:]
    text = _NOISE.sub(" ", text)
    degree = institution = location = None
    other = []
    for frag in _SPLIT.split(text):
        frag = _trim(frag)
        if len(frag) < 2:
            continue
        if degree is None and has_degree(frag) and (
            not has_institution(frag) or _DEGREE_TAIL.search(frag)  # "High School Diploma"
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
