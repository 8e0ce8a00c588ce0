"""Lever postings API: ``GET /v0/postings/{site}?mode=json&skip=N&limit=M``.

EU-hosted sites live on ``https://api.eu.lever.co``: give that as the spec's base URL.
"""

from __future__ import annotations

from typing import Any

from app.sources.base import Adapter, FetchContext, base_url, company_from_spec, map_postings
from app.sources.http import SourceFetchError
from app.sources.models import Posting
from app.sources.normalize import make_posting
from app.sources.salary_fields import salary_from_fields
from app.sources.spec import SourceSpec
from app.sources.text import html_to_text

KIND = "lever"
DEFAULT_BASE = "https://api.lever.co"
EU_BASE = "https://api.eu.lever.co"
PAGE_SIZE = 100
MAX_PAGES = 500  # 50,000 postings: far beyond any real board; stops a server that loops


def _description(job: dict[str, Any]) -> str:
    parts = [html_to_text(job.get("description")) or html_to_text(job.get("descriptionPlain"))]
    for item in job.get("lists") or []:
        if not isinstance(item, dict):
            continue
        heading = html_to_text(item.get("text"))
        body = html_to_text(f"<ul>{item.get('content') or ''}</ul>")
        parts.append(f"{heading}\n{body}".strip())
    parts.append(html_to_text(job.get("additional")) or html_to_text(job.get("additionalPlain")))
    return "\n\n".join(p for p in parts if p)


def posting(job: Any, spec: SourceSpec) -> Posting | None:
    """One Lever posting as a ``Posting`` (None when it has no id)."""
    if not isinstance(job, dict) or not job.get("id"):
        return None
    cats = job.get("categories") or {}
    all_locations = [x for x in cats.get("allLocations") or [] if isinstance(x, str) and x]
    location = " / ".join(all_locations) if len(all_locations) > 1 else cats.get("location")
    rng = job.get("salaryRange")
    pay = None
    if isinstance(rng, dict):
        pay = salary_from_fields(
            rng.get("min"), rng.get("max"), rng.get("currency"), rng.get("interval")
        )
    workplace = job.get("workplaceType")
    return make_posting(
        source=spec.key,
        external_id=job["id"],
        title=job.get("text"),
        url=job.get("hostedUrl") or job.get("applyUrl"),
        company=company_from_spec(spec),
        location=location,
        remote=None if workplace == "unspecified" else workplace,
        employment=cats.get("commitment"),
        salary=pay,
        salary_text=job.get("salaryDescriptionPlain"),
        description=_description(job),
        posted_at=job.get("createdAt"),
        department=cats.get("team") or cats.get("department"),
    )


def parse(jobs: list[Any], spec: SourceSpec) -> list[Posting]:
    """Postings from Lever's JSON list (all pages joined)."""
    return [p for p in (posting(job, spec) for job in jobs) if p]


async def fetch(ctx: FetchContext, spec: SourceSpec) -> list[Posting]:
    url = f"{base_url(spec, DEFAULT_BASE)}/v0/postings/{spec.id}"
    jobs: list[Any] = []
    seen_first: set[str] = set()
    for page_no in range(MAX_PAGES):
        page = await ctx.fetcher.get_json(
            url,
            source=spec.key,
            params={"mode": "json", "skip": page_no * PAGE_SIZE, "limit": PAGE_SIZE},
            not_found=f"board '{spec.id}' not found on lever (EU sites need {EU_BASE})",
        )
        if not isinstance(page, list):
            raise SourceFetchError(spec.key, "unexpected Lever response: expected a JSON list")
        if not page:
            break
        first = str(page[0].get("id")) if isinstance(page[0], dict) else ""
        if first in seen_first:  # the server ignores skip: stop rather than loop
            break
        seen_first.add(first)
        jobs.extend(page)
        if len(page) < PAGE_SIZE:
            break
    else:
        ctx.truncated.add(spec.key)
    return await map_postings(jobs, posting, spec)


ADAPTER = Adapter(
    kind=KIND,
    default_base=DEFAULT_BASE,
    fetch=fetch,
    terms="Public postings API, no key; paged 100 at a time; EU sites on api.eu.lever.co.",
)
