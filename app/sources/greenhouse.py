"""Greenhouse job board API: ``GET /v1/boards/{token}/jobs?content=true``.

One request returns the whole board. ``content`` is entity-escaped HTML. The company is
in ``company_name`` on current responses; otherwise the spec's name or token is used.
"""

from __future__ import annotations

from typing import Any

from app.sources.base import Adapter, FetchContext, base_url, company_from_spec, map_postings
from app.sources.http import SourceFetchError
from app.sources.models import Posting
from app.sources.normalize import make_posting
from app.sources.salary import Salary
from app.sources.salary_fields import salary_from_fields
from app.sources.spec import SourceSpec

KIND = "greenhouse"
DEFAULT_BASE = "https://boards-api.greenhouse.io"


def _metadata(job: dict[str, Any]) -> tuple[str | None, Salary | None, str | None]:
    """Workplace mode, structured pay and pay text from the board's custom fields."""
    remote = pay_text = None
    pay: Salary | None = None
    for field in job.get("metadata") or []:
        if not isinstance(field, dict):
            continue
        name = str(field.get("name") or "").lower()
        value = field.get("value")
        if value in (None, "", []):
            continue
        if any(w in name for w in ("remote", "workplace", "location type", "work type")):
            remote = value[0] if isinstance(value, list) else value
        elif any(w in name for w in ("salary", "compensation", "pay range", "pay")):
            if isinstance(value, dict):
                pay = salary_from_fields(
                    value.get("min_value"), value.get("max_value"), value.get("unit"), None
                )
            else:
                pay_text = str(value)
    return remote, pay, pay_text


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
    remote, pay, pay_text = _metadata(job)
    return make_posting(
        source=spec.key,
        external_id=job["id"],
        title=job.get("title"),
        url=job.get("absolute_url"),
        company=job.get("company_name") or company_from_spec(spec),
        location=location,
        remote=remote,
        salary=pay,
        salary_text=pay_text,
        description_html=job.get("content") or "",
        posted_at=job.get("first_published") or job.get("updated_at"),
        department=", ".join(d for d in departments if d) or None,
    )


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
