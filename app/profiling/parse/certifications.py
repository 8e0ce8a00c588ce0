"""Certifications: one or several a line ("CSCS Card; First Aid at Work"), each with
its date; an issuer stays with its certificate ("Registered Nurse, Arizona State Board
of Nursing" is one)."""

from __future__ import annotations

import re

from app.profiling.models import Certification
from app.profiling.parse.dates import find_dates
from app.profiling.parse.sections import Line, cut, is_bullet, strip_bullet

#: Words that name who issued a certificate: "Registered Nurse, Arizona State Board of
#: Nursing" is one certification, not two.
_ISSUER = re.compile(
    r"\b(?:board|association|council|institute|society|department|commission|college|"
    r"university|authority|agency|academy|federation)\b",
    re.IGNORECASE,
)


def parse_certifications(lines: list[Line]) -> list[tuple[Certification, Line]]:
    out = []
    for line, text in _join_wrapped(lines):
        if len(text) < 2:
            continue
        parts = [p.strip() for p in re.split(r"\s*[;|•]\s*", text) if p.strip()]
        short_items = all(len(p.split()) <= 5 for p in text.split(","))
        dated = re.search(r",\s*(?:19|20)\d\d\b", text)
        issued = any(_ISSUER.search(re.sub(r"\([^)]*\)", "", p)) for p in text.split(",")[1:])
        if len(parts) == 1 and "," in text and short_items and not dated and not issued:
            parts = [p.strip() for p in text.split(",") if p.strip()]
        for part in parts:
            dates = find_dates(part)
            name = part
            date = None
            if dates:
                date = dates[-1][0].iso()
                name = " ".join(cut(part, *dates[-1][1]).split()).strip(" ,-–—|:")
                name = re.sub(r"\s*[-–—(,:]\s*(?:expires?|expiry|valid until|obtained|issued)?\s*$",
                              "", name, flags=re.I)
            if name.count("(") > name.count(")"):
                name += ")"
            if len(name) >= 2:
                out.append((Certification(name=name, date=date), line))
    return out


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
