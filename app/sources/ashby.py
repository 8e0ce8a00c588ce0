"""Ashby posting API: ``GET /posting-api/job-board/{name}?includeCompensation=true``.

One request per board. Unlisted postings (``isListed: false``) are skipped. A board name
that does not exist is answered with an empty list, not a 404, so an empty board gets the
warning "no postings: check the job board name".
"""

from __future__ import annotations

from typing import Any

from app.sources.base import (
    Adapter,
    FetchContext,
    base_url,
    company_from_spec,
    map_postings,
    warn_if_empty,
)
from app.sources.http import SourceFetchError
from app.sources.models import Posting
from app.sources.normalize import make_posting
from app.sources.salary import Salary
from app.sources.salary_fields import salary_from_fields
from app.sources.spec import SourceSpec

KIND = "ashby"
DEFAULT_BASE = "https://api.ashbyhq.com"


def _salary(comp: Any) -> tuple[Salary | None, str | None]:
    if not isinstance(comp, dict):
        return None, None
    for part in comp.get("summaryComponents") or []:
        if isinstance(part, dict) and str(part.get("compensationType", "")).lower() == "salary":
            pay = salary_from_fields(
                part.get("minValue"), part.get("maxValue"), part.get("currencyCode"),
                part.get("interval"),
            )  # fmt: skip
            if pay:
                return pay, None
    return None, comp.get("compensationTierSummary") or comp.get(
        "scrapeableCompensationSalarySummary"
    )


def _location(job: dict[str, Any]) -> str | None:
    names = [job.get("location")]
    for extra in job.get("secondaryLocations") or []:
        if isinstance(extra, dict):
            names.append(extra.get("location"))
    names = [n for n in names if isinstance(n, str) and n.strip()]
    if names:
        return " / ".join(dict.fromkeys(names))
    postal = ((job.get("address") or {}).get("postalAddress")) or {}
    parts = [postal.get(k) for k in ("addressLocality", "addressRegion", "addressCountry")]
    return ", ".join(p for p in parts if p) or None


def _jobs(payload: Any, spec: SourceSpec) -> list[Any]:
    if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
        raise SourceFetchError(spec.key, "unexpected Ashby response: no 'jobs' list")
    return payload["jobs"]


def posting(job: Any, spec: SourceSpec) -> Posting | None:
    """One Ashby job as a ``Posting`` (None when unlisted or without id)."""
    if not isinstance(job, dict) or not job.get("id") or job.get("isListed") is False:
        return None
    pay, pay_text = _salary(job.get("compensation"))
    remote = job.get("workplaceType") or ("remote" if job.get("isRemote") else None)
    return make_posting(
        source=spec.key,
        external_id=job["id"],
        title=job.get("title"),
        url=job.get("jobUrl") or job.get("applyUrl"),
        company=company_from_spec(spec),
        location=_location(job),
        remote=remote,
        employment=job.get("employmentType"),
        salary=pay,
        salary_text=pay_text,
        description_html=job.get("descriptionHtml"),
        description=None if job.get("descriptionHtml") else job.get("descriptionPlain"),
        posted_at=job.get("publishedAt"),
        department=job.get("team") or job.get("department"),
    )


def parse(payload: Any, spec: SourceSpec) -> list[Posting]:
    """Postings from an Ashby job-board response."""
    return [p for p in (posting(job, spec) for job in _jobs(payload, spec)) if p]


async def fetch(ctx: FetchContext, spec: SourceSpec) -> list[Posting]:
    url = f"{base_url(spec, DEFAULT_BASE)}/posting-api/job-board/{spec.id}"
    payload = await ctx.fetcher.get_json(
        url,
        source=spec.key,
        params={"includeCompensation": "true"},
        not_found=f"board '{spec.id}' not found on ashby",
    )
    jobs = _jobs(payload, spec)
    warn_if_empty(ctx, spec, jobs, "job board name")  # unlisted postings show it exists
    return await map_postings(jobs, posting, spec)


ADAPTER = Adapter(
    kind=KIND,
    default_base=DEFAULT_BASE,
    fetch=fetch,
    terms="Public posting API, no key; one request per board.",
)
