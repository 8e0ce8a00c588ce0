"""One posting a person brings in: pasted text, or a page URL with schema.org JSON-LD.

Most career pages (and Google for Jobs) embed a ``JobPosting`` as
``<script type="application/ld+json">``, alone, in a list or inside ``@graph``. A page is
decoded with the charset it declares (``Body.text``). A ``validThrough`` date in the past
does not stop the posting from being added, but it gets a warning in
``extra["warnings"]`` (what the person should be told when it is added).

Pasted text has no structure, so only a few labelled lines ("Company: ...", "Location:
...") and the first line as title are read; salary, remote mode and employment type come
from the text as usual. Text with nothing but a title (or less) is refused.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from app.sources.base import with_employment_from_text
from app.sources.dates import parse_date
from app.sources.http import Fetcher, FetchPolicy, SourceFetchError
from app.sources.models import Posting
from app.sources.normalize import make_posting
from app.sources.salary import Salary
from app.sources.salary_fields import salary_from_fields

PASTED_SOURCE = "pasted"
URL_SOURCE = "url"

_LD_RE = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script>", re.I | re.S
)
# "Company: Acme" or "Location - Leeds" at a line start; a hyphen inside a word
# ("Company-paid health insurance", "Location-based pay") is no label.
_LABEL_RE = re.compile(
    r"^[ \t]*(company|employer|location|job location|title|job title|position|salary|pay|"
    r"compensation|employment type|job type)(?:[ \t]*(:)|[ \t]+[-–—])[ \t]*(.+?)[ \t]*$",
    re.I | re.M,
)
_LABEL_KEYS = {"employer": "company", "job location": "location", "job title": "title",
               "position": "title", "job type": "employment type", "pay": "salary",
               "compensation": "salary"}  # fmt: skip
# Lines pasted from a job site's page that are headings, not the job's title.
_HEADING_RE = re.compile(
    r"(?:about (?:the|this) (?:job|role|position)|job (?:description|details|summary|posting)|"
    r"description|overview)\W*",
    re.I,
)
_WORD_RE = re.compile(r"\w+")
#: Words a pasted posting needs besides its title line (headings not counted).
MIN_DESCRIPTION_WORDS = 5
WARNINGS = "warnings"  # ``Posting.extra`` key: messages to show when the posting is added


def _is_job_posting(node: Any) -> bool:
    if not isinstance(node, dict):
        return False
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.split("/")[-1] == "JobPosting" for k in kinds)


def _walk(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [found for item in node for found in _walk(item)]
    if not isinstance(node, dict):
        return []
    if _is_job_posting(node):
        return [node]
    return _walk(node.get("@graph")) if "@graph" in node else []


def job_postings_in_html(html: str) -> list[dict[str, Any]]:
    """Every schema.org ``JobPosting`` object in the page's JSON-LD blocks."""
    found: list[dict[str, Any]] = []
    for raw in _LD_RE.findall(html):
        text = raw.strip().removeprefix("<!--").removesuffix("-->").strip()
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            try:  # some sites leave raw newlines or tabs inside strings
                data = json.loads(text, strict=False)
            except json.JSONDecodeError:
                continue
        found.extend(_walk(data))
    return found


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return value.get("name")
    return value if isinstance(value, str) else None


def _ld_location(value: Any) -> str | None:
    places = value if isinstance(value, list) else [value]
    names = []
    for place in places:
        if isinstance(place, str):
            names.append(place)
            continue
        if not isinstance(place, dict):
            continue
        addr = place.get("address")
        if isinstance(addr, str):
            names.append(addr)
        elif isinstance(addr, dict):
            parts = [addr.get("addressLocality"), addr.get("addressRegion")]
            country = addr.get("addressCountry")
            parts.append(_name(country) if isinstance(country, (dict, list)) else country)
            text = ", ".join(str(p) for p in parts if p)
            if text:
                names.append(text)
        elif place.get("name"):
            names.append(place["name"])
    return " / ".join(dict.fromkeys(names)) or None


def _ld_salary(value: Any) -> Salary | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, dict):
        return None
    amount = value.get("value")
    currency = value.get("currency")
    if isinstance(amount, dict):
        lo = amount.get("minValue", amount.get("value"))
        hi = amount.get("maxValue", amount.get("value"))
        return salary_from_fields(lo, hi, currency, amount.get("unitText"))
    return salary_from_fields(amount, amount, currency, value.get("unitText"))


def _expiry(node: dict[str, Any], now: datetime | None) -> dict[str, Any]:
    """``extra`` for a posting's ``validThrough``: the date, and a warning once it is past."""
    until = parse_date(node.get("validThrough"))
    if until is None:
        return {}
    extra: dict[str, Any] = {"valid_through": until.isoformat()}
    if until < (now or datetime.now(UTC)):
        extra[WARNINGS] = [
            f"this posting expired on {until.date().isoformat()} (its validThrough date); "
            "it was added all the same, but the job may be filled"
        ]
    return extra


def posting_from_jsonld(
    node: dict[str, Any],
    *,
    url: str | None,
    source: str = URL_SOURCE,
    now: datetime | None = None,
) -> Posting:
    """A ``Posting`` from one schema.org ``JobPosting`` object (``now`` decides whether
    its ``validThrough`` has passed)."""
    ident = node.get("identifier")
    if isinstance(ident, dict):
        ident = ident.get("value")
    page_url = node.get("url") or url
    if ident:  # identifiers are only unique per site
        ident = f"{urlsplit(str(page_url or '')).netloc}:{ident}"
    else:
        ident = hashlib.sha256(f"{page_url}|{node.get('title')}".encode()).hexdigest()[:24]
    location_type = str(node.get("jobLocationType") or "").upper()
    remote = "remote" if "TELECOMMUTE" in location_type else None
    location = _ld_location(node.get("jobLocation"))
    if location is None and remote:
        location = _ld_location(node.get("applicantLocationRequirements")) or "Remote"
    posting = make_posting(
        source=source,
        external_id=ident,
        title=node.get("title") or node.get("name"),
        url=page_url,
        company=_name(node.get("hiringOrganization")),
        location=location,
        remote=remote,
        employment=node.get("employmentType"),
        salary=_ld_salary(node.get("baseSalary")),
        description_html=node.get("description"),
        posted_at=node.get("datePosted"),
        department=node.get("occupationalCategory")
        if isinstance(node.get("occupationalCategory"), str)
        else None,
        extra=_expiry(node, now),
    )
    return with_employment_from_text(posting)


def _is_label_value(value: str, *, colon: bool) -> bool:
    """A labelled value is short; after a dash ("Position - we are seeking a nurse who...")
    a sentence is text that happens to start with the word, not a field."""
    words = len(value.split())
    if colon:
        return words <= 20
    return words <= 8 and not (words > 3 and value.rstrip().endswith((".", "!", "?")))


def posting_from_text(text: str, *, url: str | None = None, source: str = PASTED_SOURCE) -> Posting:
    """A ``Posting`` from text a person pasted.

    The first non-empty line (skipping headings such as "About the job") is the title
    unless a "Title:" line says otherwise; "Company:", "Location:", "Salary:" (or "Pay:")
    and "Job type:" lines fill those fields, with ":" or a spaced dash after the label.
    The id is a hash of the text, so pasting the same text twice gives the same posting.

    Raises ``ValueError`` when the text is empty, or has fewer than
    ``MIN_DESCRIPTION_WORDS`` words besides its title line and headings: that is no
    posting to score ("hi", a title alone).
    """
    if not text or not text.strip():
        raise ValueError("the pasted posting is empty")
    labels: dict[str, str] = {}
    for m in _LABEL_RE.finditer(text):
        key = m.group(1).lower()
        if _is_label_value(m.group(3), colon=bool(m.group(2))):
            labels.setdefault(_LABEL_KEYS.get(key, key), m.group(3))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first_line = next((line for line in lines if not _HEADING_RE.fullmatch(line)), lines[0])
    body = [line for line in lines if line != first_line and not _HEADING_RE.fullmatch(line)]
    words = len(_WORD_RE.findall(" ".join(body)))
    if words < MIN_DESCRIPTION_WORDS:
        raise ValueError(
            f"too little text: a posting needs a title and some description, but this has "
            f"{words} words besides the title {first_line[:60]!r} (at least "
            f"{MIN_DESCRIPTION_WORDS} are needed)"
        )
    title = labels.get("title") or first_line[:200]
    digest = hashlib.sha256(text.strip().encode()).hexdigest()[:24]
    posting = make_posting(
        source=source,
        external_id=digest,
        title=title,
        url=url,
        company=labels.get("company"),
        location=labels.get("location"),
        employment=labels.get("employment type"),
        salary_text=labels.get("salary"),
        description=text,
    )
    return with_employment_from_text(posting)


async def fetch_posting_from_url(
    client: httpx.AsyncClient, url: str, *, fetcher: Fetcher | None = None
) -> Posting:
    """Fetch a job page and read its schema.org ``JobPosting``.

    Raises ``SourceFetchError`` when the page cannot be fetched or holds no JobPosting
    (then the person can paste the text instead).
    """
    fetcher = fetcher or Fetcher(client, FetchPolicy())
    body = await fetcher.get(url, source=url, headers={"Accept": "text/html,*/*"})
    nodes = job_postings_in_html(body.text())
    if not nodes:
        raise SourceFetchError(
            url, "no schema.org JobPosting found on the page; paste the posting's text instead"
        )
    return posting_from_jsonld(nodes[0], url=body.url)
