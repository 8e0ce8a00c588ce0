"""Certifications: one or several a line ("CSCS Card; First Aid at Work"), each with
its date.

A comma separates certificates in a list ("BLS, ACLS, PALS") but not a certificate
from what belongs to it: who issued it ("Registered Nurse, Arizona State Board of
Nursing"; "Certified ScrumMaster (CSM), Scrum Alliance" - a name given with its own
initials is complete, so what follows is the issuer), its date or years ("PMP, PMI
— 2016"; "Oregon Teaching License (TSPC), 2015–2023"), its number or expiry
("#1234567, exp. 12/2025"), or a note in lower case ("Clean MVR, no DUIs").
"""

from __future__ import annotations

import re

from app.profiling.models import Certification
from app.profiling.parse.dates import DATE_RE, find_dates, find_range
from app.profiling.parse.sections import Line, cut, is_bullet, strip_bullet

#: Words that name who issued a certificate.
_ISSUER = re.compile(
    r"\b(?:board|association|council|institute|society|department|commission|college|"
    r"university|authority|agency|academy|federation|alliance|guild|organi[sz]ation)\b",
    re.IGNORECASE,
)
#: A piece that is a detail of the certificate before it: a number or an expiry
#: ("#1234567", "License #RN 123987", "exp. 12/2025"); dates alone are found apart.
_DETAIL = re.compile(
    r"(?:(?:exp(?:ires|iry|iring)?|valid|renewed|issued|obtained|awarded|licen[cs]e"
    r"|reg(?:istration)?|number|no|id)\b\.?|#)\D{0,12}\d.*",
    re.IGNORECASE,
)
#: A spaced dash followed by a date or a number: "Scrum Alliance — 2017", "PTCB — #12345".
_DASH_TAIL = re.compile(r"\s[-–—]\s+(?:#|[A-Za-z.]*\s*)?\d")
_OWN_INITIALS = re.compile(r"^(.+?)\s*\(([A-Z][A-Za-z]{1,7})\)$")
_LABEL = re.compile(r"^([A-Z][A-Za-z ]{2,25}):\s+(.+)$")
_COMMA = re.compile(r",\s*(?![^()]*\))")  # not inside brackets: "(MIG, 3G)"
_TAIL = re.compile(
    r"\s*[-–—(,:]\s*(?:exp(?:ires|iry)?\.?|valid(?: until)?|obtained|issued|current|active)?\s*$",
    re.IGNORECASE,
)
_DANGLING = re.compile(r"\s+[-–—]\s+(?=\()")  # "General Assembly — (24 weeks)"


def parse_certifications(lines: list[Line]) -> list[tuple[Certification, Line]]:
    out = []
    for line, text in _join_wrapped(lines):
        if len(text) < 2:
            continue
        # A wide gap (a right-aligned issuer or date in a PDF) separates like a dash.
        text = re.sub(r"\s{3,}", " — ", text.strip())
        for part in (p.strip() for p in re.split(r"\s*[;|•]\s*", text)):
            for item in _items(part):
                cert = _certification(item)
                if cert is not None:
                    out.append((cert, line))
    return out


def _items(text: str) -> list[str]:
    """The certificates of a comma list, each with the pieces that belong to it.
    "Endorsements: H (Hazmat), N (Tank)" gives each item its label."""
    label = _LABEL.match(text)
    prefix, body = (f"{label.group(1)}: ", label.group(2)) if label else ("", text)
    pieces = [p.strip() for p in _COMMA.split(body) if p.strip()]
    if not pieces:
        return []
    items = [pieces[0]]
    for piece in pieces[1:]:
        if _belongs(piece, items[-1], last=len(pieces) == 2):
            items[-1] = f"{items[-1]}, {piece}"
        else:
            items.append(piece)
    if len(items) > 1 and any(len(item.split()) > 6 for item in items):
        return [text]  # a sentence, not a list
    return [prefix + item for item in items] if len(items) > 1 else [text]


def _belongs(piece: str, before: str, *, last: bool) -> bool:
    """Whether `piece`, after a comma, is part of the certificate `before`."""
    if piece[0].islower() or _DETAIL.fullmatch(piece) or not DATE_RE.sub("", piece).strip(" -–—()"):
        return True
    if _ISSUER.search(re.sub(r"\([^)]*\)", "", piece)):
        return True
    if last and _DASH_TAIL.search(piece):  # "Scrum Alliance — 2017": the line's date
        return True
    own = _OWN_INITIALS.match(before)
    return own is not None and "(" not in piece and len(piece.split()) <= 4 and _initials_of(
        own.group(2), own.group(1)
    )


def _initials_of(abbr: str, name: str) -> bool:
    """ "CSM" of "Certified ScrumMaster", "CPhT" of "Certified Pharmacy Technician": the
    capitals of the abbreviation are, in order, capitals of the name."""
    capitals = iter(c for c in name if c.isupper())
    wanted = [c for c in abbr if c.isupper()]
    return len(wanted) >= 2 and all(c in capitals for c in wanted)


def _certification(item: str) -> Certification | None:
    name, date = item, None
    rng = find_range(item)
    if rng is not None and rng.start is not None and (rng.end or rng.present):
        date = f"{rng.start.iso()}–{rng.end_text}"
        name = cut(item, *rng.span)
    else:
        dates = find_dates(item)
        if dates:
            date = dates[-1][0].iso()
            name = cut(item, *dates[-1][1])
    name = " ".join(name.split()).strip(" ,-–—|:")
    name = _DANGLING.sub(" ", _TAIL.sub("", name))
    if name.count("(") > name.count(")"):
        name += ")"
    return Certification(name=name, date=date) if len(name) >= 2 else None


def _join_wrapped(lines: list[Line]) -> list[tuple[Line, str]]:
    """Rejoin a line wrapped in a narrow column: "NMC registered (PIN" + "12A3456E)"."""
    out: list[tuple[Line, str]] = []
    for line in lines:
        text = strip_bullet(line.text)
        if not text:
            continue
        if out and not is_bullet(line.text) and (
            out[-1][1].count("(") > out[-1][1].count(")")
            or text[0].islower()
            or out[-1][1].endswith((",", "&", "-", " and", " of", " in"))
        ):
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
        else:
            out.append((line, text))
    return out
