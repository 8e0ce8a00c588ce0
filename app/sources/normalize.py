"""``make_posting``: a clean ``Posting`` from the raw values a source gives, with its
content hash and de-duplication key.

Each field is read by the module for its job: ``text`` (description), ``work_arrangement``
(remote / hybrid / on-site), ``employment_type``, ``salary_text`` (pay in free text) and
``dates`` (posted_at).
"""

from __future__ import annotations

import hashlib
from typing import Any

from app.sources.dates import parse_date
from app.sources.dedupe import group_key_for
from app.sources.employment_type import employment_type
from app.sources.models import Posting
from app.sources.salary import Salary
from app.sources.salary_text import parse_salary_text
from app.sources.text import html_to_text, one_line
from app.sources.work_arrangement import remote_from_structured, remote_from_text


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
        pay = parse_salary_text(salary_text, field=True)
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
