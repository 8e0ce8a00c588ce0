"""Normalisation helpers shared by the adapters, and ``make_posting`` which ties them up."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from dateutil import parser as dateparser

from app.sources.dedupe import group_key_for
from app.sources.models import Posting
from app.sources.salary import Salary, parse_salary_text
from app.sources.text import html_to_text, one_line

# ---------------------------------------------------------------- remote / hybrid / on-site

_STRUCTURED_REMOTE = {
    "remote": "remote", "fully remote": "remote", "telecommute": "remote", "true": "remote",
    "yes": "remote", "1": "remote",
    "hybrid": "hybrid",
    "onsite": "onsite", "on-site": "onsite", "on site": "onsite", "in office": "onsite",
    "in-office": "onsite", "office": "onsite",
}  # fmt: skip

_NEG = r"(?<!\bnot )(?<!\bno )(?<!\bnon-)(?<!\bnon )"
_ROLE = r"(?:role|position|job|work|working|team|company|opportunity|setup|schedule|model|only)"
# Short fields (location, title): a bare word is enough.
_SHORT_HYBRID_RE = re.compile(r"\bhybrid\b", re.I)
_SHORT_REMOTE_RE = re.compile(r"\b(?:remote|anywhere|telecommute|work from home)\b", re.I)
_SHORT_ONSITE_RE = re.compile(r"\b(?:on[- ]?site|in[- ]office|office[- ]based)\b", re.I)
# Descriptions: only phrases about the job itself ("hybrid cloud", "remote servers" or
# "our on-site gym" must not count).
_DESC_HYBRID_RE = re.compile(
    _NEG + rf"\bhybrid[ -](?:{_ROLE}|remote|working|arrangement|environment)\b"
    r"|\b(?:is|be|are) hybrid\b|\b\d days? (?:a|per) week (?:in|at) (?:the|our) office",
    re.I,
)
_DESC_REMOTE_RE = re.compile(
    _NEG + rf"\b(?:fully[ -]remote|100% remote|remote[ -](?:first|friendly|{_ROLE})|"
    r"work (?:from|at) home|wfh|telecommut\w*|anywhere in the world|(?:is|be|are) remote\b|"
    r"remote (?:in|within|from|across) )",
    re.I,
)
_DESC_ONSITE_RE = re.compile(
    _NEG + rf"\b(?:on[- ]?site (?:{_ROLE})|(?:is|be|are|work|working|based) on[- ]?site\b|"
    r"in[- ]office (?:role|position|job|only)|office[- ]based|(?:is|be) in[- ]person\b)",
    re.I,
)


def remote_from_structured(value: Any) -> str | None:
    """Map a structured workplace field (Lever "on-site", Ashby "OnSite", bools...).

    A false "is remote" flag says only what the job is not, so it gives None and lets the
    text decide between hybrid and on-site.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "remote" if value else None
    key = str(value).strip().lower().replace("_", " ")
    if key in ("onsite",):
        return "onsite"
    return _STRUCTURED_REMOTE.get(key) or _STRUCTURED_REMOTE.get(key.replace(" ", ""))


def remote_from_text(
    *, location: str | None, title: str | None, description: str | None
) -> str | None:
    """Guess the workplace mode from text when no structured field says it.

    The location and title are trusted first ("Remote - US", "Berlin (Hybrid)"); the
    description is read last and only for clear phrases ("fully remote", "hybrid",
    "on-site"), with simple negations ("not remote") ignored.
    """
    for short in (location, title):
        if not short:
            continue
        if _SHORT_HYBRID_RE.search(short):
            return "hybrid"
        if _SHORT_REMOTE_RE.search(short):
            return "remote"
        if _SHORT_ONSITE_RE.search(short):
            return "onsite"
    if description:
        head = description[:6000]
        if _DESC_HYBRID_RE.search(head):
            return "hybrid"
        if _DESC_REMOTE_RE.search(head):
            return "remote"
        if _DESC_ONSITE_RE.search(head):
            return "onsite"
    return None


# ---------------------------------------------------------------- employment type

_EMPLOYMENT = [
    (re.compile(r"intern|werkstudent|working student|trainee|apprentice|praktikum", re.I),
     "internship"),
    (re.compile(r"part[\s_-]?time|teilzeit|minijob", re.I), "part_time"),
    (re.compile(r"contract|freelanc|contractor|consultant|per[\s_-]?diem|b2b", re.I), "contract"),
    (re.compile(r"temp(?:orary)?\b|fixed[\s_-]?term|seasonal|befristet", re.I), "temporary"),
    (re.compile(r"full[\s_-]?time|permanent|vollzeit|regular|salaried|festanstellung", re.I),
     "full_time"),
]  # fmt: skip


def employment_type(value: Any) -> str | None:
    """Normalise "FULL_TIME", "Full-time", "fulltime", ["PART_TIME"] ... to one name."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        for item in value:
            found = employment_type(item)
            if found:
                return found
        return None
    text = str(value).strip()
    if not text:
        return None
    for regex, name in _EMPLOYMENT:
        if regex.search(text):
            return name
    return None


# ---------------------------------------------------------------- dates


def parse_date(value: Any) -> datetime | None:
    """An aware UTC datetime from epoch seconds/ms, ISO 8601, RFC 822 or a date string.

    Naive values are taken as UTC. Unparseable values give None, never an exception.
    """
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, (int, float)):
        if value != value or value <= 0:
            return None
        seconds = value / 1000 if value > 1e11 else value  # ms after 1973 vs s before 5138
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    else:
        text = str(value).strip()
        if not text:
            return None
        if text.isdigit():
            return parse_date(int(text))
        dt = _parse_date_text(text)
        if dt is None:
            return None
    if dt.tzinfo is None:
        return dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def _parse_date_text(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    if "," in text[:5] or text[:3].isalpha():
        try:
            return parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            pass
    try:
        return dateparser.parse(text)
    except (ValueError, OverflowError, TypeError):
        return None


# ---------------------------------------------------------------- the posting


def content_hash(p: Posting) -> str:
    """sha256 of what scoring reads: title, company, location, remote, employment type,
    salary and description. URL, dates and ids are left out, so a repost with the same
    text keeps its hash and its score need not be recomputed."""
    parts = [
        p.title,
        p.company or "",
        p.location or "",
        p.remote or "",
        p.employment_type or "",
        "" if p.salary_min is None else f"{p.salary_min:.2f}",
        "" if p.salary_max is None else f"{p.salary_max:.2f}",
        p.salary_currency or "",
        p.salary_interval or "",
        p.description,
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def make_posting(
    *,
    source: str,
    external_id: Any,
    title: Any,
    url: Any = None,
    company: Any = None,
    location: Any = None,
    remote: Any = None,
    employment: Any = None,
    salary: Salary | None = None,
    salary_text: str | None = None,
    description_html: str | None = None,
    description: str | None = None,
    posted_at: Any = None,
    department: Any = None,
    extra: dict[str, Any] | None = None,
) -> Posting:
    """Build a clean ``Posting`` from raw values as a source gives them.

    Args:
        remote: a structured workplace value (bool, "remote", "OnSite"...); when it says
            nothing, the location, title and description are read.
        salary: structured pay, if the source has it; otherwise ``salary_text`` (e.g. a
            compensation summary) and then the description are searched.
        description_html: HTML or entity-escaped HTML; ``description`` is plain text. One
            of the two.
    """
    clean_title = one_line(title) or "(untitled)"
    clean_location = one_line(location)
    text = html_to_text(description_html) if description_html else html_to_text(description)
    mode = remote_from_structured(remote) or remote_from_text(
        location=clean_location, title=clean_title, description=text
    )
    pay = salary
    if pay is None and salary_text:
        pay = parse_salary_text(salary_text)
    if pay is None and text:
        pay = parse_salary_text(text)
    posting = Posting(
        source=source,
        external_id=str(external_id),
        url=(str(url).strip() or None) if url else None,
        title=clean_title,
        company=one_line(company),
        location=clean_location,
        remote=mode,  # type: ignore[arg-type]
        employment_type=employment_type(employment),
        salary_min=pay.min if pay else None,
        salary_max=pay.max if pay else None,
        salary_currency=pay.currency if pay else None,
        salary_interval=pay.interval if pay else None,  # type: ignore[arg-type]
        description=text,
        posted_at=parse_date(posted_at),
        department=one_line(department),
        extra=extra or {},
    )
    posting.content_hash = content_hash(posting)
    posting.group_key = group_key_for(
        posting.company,
        posting.title,
        posting.location,
        mode,
        fallback=f"{posting.source}:{posting.external_id}",
    )
    return posting
