"""Greenhouse job board API: ``GET /v1/boards/{token}/jobs?content=true``.

One request returns the whole board. ``content`` is entity-escaped HTML. The company is
in ``company_name`` on current responses; otherwise the spec's name or token is used.

The API has no pay, workplace or employment fields; boards add them as custom fields
(``metadata``: name, value, value_type) named as the company likes. A field counts by the
whole words of its name ("Salary Range" and "Base Pay" are pay, "Payroll Entity" is not),
and the first field whose value reads as pay, a work arrangement or an employment type
gives it: a later field that says nothing usable ("Remote Eligible: No") erases nothing.
Employment not given by a field is read from the description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.sources.base import (
    Adapter,
    FetchContext,
    base_url,
    company_from_spec,
    map_postings,
    with_employment_from_text,
)
from app.sources.employment_type import employment_type
from app.sources.http import SourceFetchError
from app.sources.models import Posting
from app.sources.normalize import make_posting
from app.sources.salary import Salary
from app.sources.salary_fields import salary_from_fields
from app.sources.salary_text import parse_salary_text
from app.sources.spec import SourceSpec
from app.sources.work_arrangement import remote_from_structured

KIND = "greenhouse"
DEFAULT_BASE = "https://boards-api.greenhouse.io"

_PAY_NAME_RE = re.compile(
    r"\b(?:salary|salaries|compensation|pay|wages?|rate|gehalt|verg\u00fctung|lohn)\b", re.I
)
_ARRANGEMENT_NAME_RE = re.compile(
    r"\b(?:remote|workplace|location type|work(?:ing)? (?:type|model|arrangement|style|setting)"
    r"|arbeitsmodell|homeoffice)\b",
    re.I,
)
_EMPLOYMENT_NAME_RE = re.compile(
    r"\b(?:employment|job type|contract type|time type|position type|work(?:ing)? (?:type|hours)"
    r"|schedule|commitment|anstellungsart|besch\u00e4ftigungsart)\b",
    re.I,
)


@dataclass(slots=True)
class _Fields:
    """What the custom fields say; None where no field said it."""

    remote: str | None = None
    pay: Salary | None = None
    employment: str | None = None


def _field_pay(value: Any) -> Salary | None:
    """Pay from a field value: a ``currency_range`` ({unit, min_value, max_value}), a
    ``currency`` ({unit, amount}), a number, or text ("$95,000 - $115,000")."""
    if isinstance(value, dict):
        lo = value.get("min_value", value.get("amount"))
        hi = value.get("max_value", value.get("amount"))
        return salary_from_fields(lo, hi, value.get("unit") or value.get("currency"), None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return salary_from_fields(value, value, None, None)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return parse_salary_text(str(value), field=True)


def _remote(value: Any) -> str | None:
    values = value if isinstance(value, list) else [value]
    return next((mode for v in values if (mode := remote_from_structured(v))), None)


def _metadata(job: dict[str, Any]) -> _Fields:
    """Workplace mode, pay and employment type from the board's custom fields."""
    found = _Fields()
    for field in job.get("metadata") or []:
        if not isinstance(field, dict):
            continue
        name = " ".join(str(field.get("name") or "").replace("_", " ").split())
        value = field.get("value")
        if value in (None, "", []):
            continue
        # One name may fit two kinds ("Work Type": Hybrid or Full-time): the value decides.
        if found.pay is None and _PAY_NAME_RE.search(name):
            found.pay = _field_pay(value)
        if found.remote is None and _ARRANGEMENT_NAME_RE.search(name):
            found.remote = _remote(value)
        if found.employment is None and _EMPLOYMENT_NAME_RE.search(name):
            found.employment = employment_type(value)
    return found


def _jobs(payload: Any, spec: SourceSpec) -> list[Any]:
    if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
        raise SourceFetchError(spec.key, "unexpected Greenhouse response: no 'jobs' list")
    return payload["jobs"]


def posting(job: Any, spec: SourceSpec) -> Posting | None:
    """One Greenhouse job as a ``Posting`` (None when it has no id)."""
    if not isinstance(job, dict) or job.get("id") is None:
        return None
    location = (job.get("location") or {}).get("name")
    if not location:
        offices = [o.get("name") for o in job.get("offices") or [] if isinstance(o, dict)]
        location = " / ".join(o for o in offices if o) or None
    departments = [d.get("name") for d in job.get("departments") or [] if isinstance(d, dict)]
    fields = _metadata(job)
    posting = make_posting(
        source=spec.key,
        external_id=job["id"],
        title=job.get("title"),
        url=job.get("absolute_url"),
        company=job.get("company_name") or company_from_spec(spec),
        location=location,
        remote=fields.remote,
        employment=fields.employment,
        salary=fields.pay,
        description_html=job.get("content") or "",
        posted_at=job.get("first_published") or job.get("updated_at"),
        department=", ".join(d for d in departments if d) or None,
    )
    return with_employment_from_text(posting)


def parse(payload: Any, spec: SourceSpec) -> list[Posting]:
    """Postings from a Greenhouse ``jobs`` response."""
    return [p for p in (posting(job, spec) for job in _jobs(payload, spec)) if p]


async def fetch(ctx: FetchContext, spec: SourceSpec) -> list[Posting]:
    url = f"{base_url(spec, DEFAULT_BASE)}/v1/boards/{spec.id}/jobs"
    payload = await ctx.fetcher.get_json(
        url,
        source=spec.key,
        params={"content": "true"},
        not_found=f"board '{spec.id}' not found on greenhouse",
    )
    return await map_postings(_jobs(payload, spec), posting, spec)


ADAPTER = Adapter(
    kind=KIND,
    default_base=DEFAULT_BASE,
    fetch=fetch,
    terms="Public job board API, no key; one request per board.",
)
