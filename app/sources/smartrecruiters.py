"""SmartRecruiters posting API.

The list ``GET /v1/companies/{id}/postings?limit=100&offset=N`` has no description, so each
posting is also fetched (``GET /v1/companies/{id}/postings/{postingId}``) for its
``jobAd.sections``. Those requests share the per-host limit. A posting whose detail fails
is kept with the list's fields, marked incomplete (``base.mark_incomplete``) so that a search
keeps the stored description and pay rather than erasing them, and the source gets a
warning saying how many details failed.

An unknown company id is answered with an empty list, not a 404, so an empty board gets
the warning "no postings: check the company id".
"""

from __future__ import annotations

import asyncio
import html
from typing import Any

from app.sources.base import (
    Adapter,
    FetchContext,
    base_url,
    company_from_spec,
    map_postings,
    mark_incomplete,
    warn_if_empty,
)
from app.sources.http import SourceFetchError
from app.sources.models import Posting
from app.sources.normalize import make_posting
from app.sources.spec import SourceSpec

KIND = "smartrecruiters"
DEFAULT_BASE = "https://api.smartrecruiters.com"
PAGE_SIZE = 100
MAX_PAGES = 500
_SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")


def _label(value: Any) -> str | None:
    return value.get("label") if isinstance(value, dict) else None


def _description_html(detail: dict[str, Any] | None) -> str:
    sections = ((detail or {}).get("jobAd") or {}).get("sections") or {}
    parts = []
    for name in _SECTIONS:
        sec = sections.get(name)
        if isinstance(sec, dict) and sec.get("text"):
            title = sec.get("title")
            head = f"<h3>{html.escape(title)}</h3>" if title else ""
            parts.append(f"<section>{head}{sec['text']}</section>")
    return "".join(parts)


def _location(loc: Any) -> tuple[str | None, str | None]:
    if not isinstance(loc, dict):
        return None, None
    text = loc.get("fullLocation") or ", ".join(
        str(loc[k]) for k in ("city", "region", "country") if loc.get(k)
    )
    mode = "remote" if loc.get("remote") else "hybrid" if loc.get("hybrid") else None
    return text or None, mode


def posting(pair: tuple[dict[str, Any], dict[str, Any] | None], spec: SourceSpec) -> Posting:
    """A ``Posting`` from a (list item, detail or None) pair."""
    item, detail = pair
    merged = {**item, **(detail or {})}
    location, mode = _location(merged.get("location"))
    company = (merged.get("company") or {}).get("name") or company_from_spec(spec)
    url = merged.get("postingUrl") or f"https://jobs.smartrecruiters.com/{spec.id}/{merged['id']}"
    level = _label(merged.get("experienceLevel"))
    built = make_posting(
        source=spec.key,
        external_id=merged["id"],
        title=merged.get("name"),
        url=url,
        company=company,
        location=location,
        remote=mode,
        employment=_label(merged.get("typeOfEmployment")),
        description_html=_description_html(detail),
        posted_at=merged.get("releasedDate"),
        department=_label(merged.get("department")) or _label(merged.get("function")),
        extra={"experience_level": level} if level else None,
    )
    return built if detail is not None else mark_incomplete(built)


def parse(
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]], spec: SourceSpec
) -> list[Posting]:
    """Postings from (list item, detail or None) pairs."""
    return [posting(pair, spec) for pair in pairs]


async def fetch(ctx: FetchContext, spec: SourceSpec) -> list[Posting]:
    root = f"{base_url(spec, DEFAULT_BASE)}/v1/companies/{spec.id}/postings"
    items: list[dict[str, Any]] = []
    for page_no in range(MAX_PAGES):
        page = await ctx.fetcher.get_json(
            root,
            source=spec.key,
            params={"limit": PAGE_SIZE, "offset": page_no * PAGE_SIZE},
            not_found=f"company '{spec.id}' not found on smartrecruiters",
        )
        if not isinstance(page, dict) or not isinstance(page.get("content"), list):
            raise SourceFetchError(
                spec.key, "unexpected SmartRecruiters response: no 'content' list"
            )
        content = [c for c in page["content"] if isinstance(c, dict) and c.get("id")]
        items.extend(content)
        total = page.get("totalFound")
        if not content or len(content) < PAGE_SIZE:
            break
        if isinstance(total, int) and len(items) >= total:
            break
    else:
        ctx.truncated.add(spec.key)

    failures: list[str] = []

    async def detail(item: dict[str, Any]) -> dict[str, Any] | None:
        try:
            data = await ctx.fetcher.get_json(f"{root}/{item['id']}", source=spec.key)
        except SourceFetchError as exc:
            failures.append(exc.reason)
            return None
        if not isinstance(data, dict):
            failures.append("the detail was not a JSON object")
            return None
        return data

    details = await asyncio.gather(*(detail(item) for item in items))
    if failures:
        ctx.warn(
            spec.key,
            f"{len(failures)} of {len(items)} posting details could not be fetched; jobs "
            f"already saved keep their description and pay (last error: {failures[-1]})",
        )
    warn_if_empty(ctx, spec, items, "company id")
    return await map_postings(zip(items, details, strict=True), posting, spec)


ADAPTER = Adapter(
    kind=KIND,
    default_base=DEFAULT_BASE,
    fetch=fetch,
    terms="Public posting API, no key; one extra request per posting for its description.",
)
