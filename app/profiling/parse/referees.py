"""Referees, or a note that references are available on request."""

from __future__ import annotations

import re

from app.profiling.models import Referee, References, Source
from app.profiling.parse.contact import (
    EMAIL_RE,
    HONORIFIC_RE,
    find_phones,
    looks_like_name,
    pretty_name,
)
from app.profiling.parse.sections import ON_REQUEST_RE, REFEREES_RE, Line, is_bullet, strip_bullet
from app.profiling.taxonomy import Taxonomy


def parse_references(
    lines: list[Line], all_lines: list[Line], taxonomy: Taxonomy | None = None
) -> References:
    """Referees, each a name line followed by role, organisation and contact lines.

    A name-like line starts a new referee only where one can begin: first, after a
    blank line, with a title ("Mr David Osei"), or once the last referee has a role or
    contact details. So "Deputy Headteacher, St Mary's" straight under a name is that
    referee's role, not a second referee.
    """
    refs = References()
    for line in all_lines:
        if REFEREES_RE.search(line.text) and ON_REQUEST_RE.search(line.text):
            refs.available_on_request = True
            refs.source = refs.source or _src(line)
    body = [ln for ln in lines if ln.text.strip()]
    if body and all(ON_REQUEST_RE.search(ln.text) for ln in body[:1]) and len(body) <= 2:
        refs.available_on_request = True
        refs.source = refs.source or _src(body[0])
        return refs
    current: Referee | None = None
    after_blank = True
    for line in lines:
        text = strip_bullet(line.text)
        if not text:
            after_blank = True
            continue
        name_part = re.split(r"\s*[,|–—]\s*", text)[0]
        rest = text[len(name_part) :].strip(" ,|–—")
        can_start = (
            current is None
            or after_blank
            or bool(current.details or current.email or current.phone)
            or bool(HONORIFIC_RE.match(text))
        )
        after_blank = False
        if can_start and not is_bullet(line.text) and looks_like_name(name_part, taxonomy):
            current = Referee(name=pretty_name(name_part), source=_src(line))
            refs.referees.append(current)
            text = rest  # "Prof. Ann Lee, University of Bristol, a.lee@bristol.ac.uk"
        if current is None or not text:
            continue
        email = EMAIL_RE.search(text)
        phones = find_phones(text)
        if email and not current.email:
            current.email = email.group()
        if phones and not current.phone:
            current.phone = phones[0]
        details = _without_contact(text, email.group() if email else None, phones)
        if details:
            current.details = f"{current.details}; {details}" if current.details else details
    return refs


def _without_contact(text: str, email: str | None, phones: list[str]) -> str:
    """ "Head of People, Acme — ann@acme.com" -> "Head of People, Acme"; a line of only
    contact details, labels included ("Tel: 0117 496 0123"), gives nothing."""
    for found in (email, *phones):
        if found:
            text = text.replace(found, "\0")
    text = _CONTACT_LABEL.sub(" ", text).replace("\0", " ")
    text = re.sub(r"\s*([,;|–—-])(?:\s*[,;|–—-])+", r"\1", text)  # "Manager, , Acme"
    return " ".join(text.split()).strip(" ,;|–—-:")


_CONTACT_LABEL = re.compile(
    r"\b(?:e-?mail|tel(?:ephone)?|phone|mobile|mob|cell)\b\.?\s*:?\s*(?=\0)", re.IGNORECASE
)


def _src(line: Line) -> Source:
    return Source(page=line.page, line=line.line)
