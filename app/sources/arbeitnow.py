"""Arbeitnow public job board API: ``GET /api/job-board-api``, paged via ``links.next``.

The feed covers every job on the board (mostly Germany and Europe), so only the first
``MAX_PAGES`` pages are read. ``links.next`` is followed only as a path on the configured
host: a reply cannot send the client elsewhere.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from app.sources.base import Adapter, FetchContext, base_url, map_postings
from app.sources.http import SourceFetchError
from app.sources.models import Posting
from app.sources.normalize import make_posting
from app.sources.spec import SourceSpec

KIND = "arbeitnow"
DEFAULT_BASE = "https://www.arbeitnow.com"
MAX_PAGES = 20


def posting(job: Any, spec: SourceSpec) -> Posting | None:
    """One Arbeitnow job as a ``Posting`` (None when it has no slug)."""
    if not isinstance(job, dict) or not job.get("slug"):
        return None
    return make_posting(
        source=spec.key,
        external_id=job["slug"],
        title=job.get("title"),
        url=job.get("url"),
        company=job.get("company_name"),
        location=job.get("location"),
        remote=True if job.get("remote") is True else None,
        employment=job.get("job_types"),
        description_html=job.get("description"),
        posted_at=job.get("created_at"),
        extra={"tags": list(job.get("tags") or [])} if job.get("tags") else None,
    )


def parse(jobs: list[Any], spec: SourceSpec) -> list[Posting]:
    """Postings from the ``data`` items of every page read."""
    return [p for p in (posting(job, spec) for job in jobs) if p]


def _next_url(root: str, page: dict[str, Any]) -> str | None:
    nxt = (page.get("links") or {}).get("next")
    if not isinstance(nxt, str) or not nxt:
        return None
    parts = urlsplit(nxt)
    base = urlsplit(root)
    return f"{base.scheme}://{base.netloc}{parts.path or base.path}" + (
        f"?{parts.query}" if parts.query else ""
    )


async def fetch(ctx: FetchContext, spec: SourceSpec) -> list[Posting]:
    url: str | None = f"{base_url(spec, DEFAULT_BASE)}/api/job-board-api"
    root = url
    jobs: list[Any] = []
    seen: set[str] = set()
    for _ in range(MAX_PAGES):
        if url is None or url in seen:
            break
        seen.add(url)
        page = await ctx.fetcher.get_json(
            url, source=spec.key, not_found=f"Arbeitnow API not found at {url}"
        )
        if not isinstance(page, dict) or not isinstance(page.get("data"), list):
            raise SourceFetchError(spec.key, "unexpected Arbeitnow response: no 'data' list")
        jobs.extend(page["data"])
        url = _next_url(root, page)
    if url is not None and url not in seen:
        ctx.truncated.add(spec.key)  # stopped at MAX_PAGES with more to read
    return await map_postings(jobs, posting, spec)


ADAPTER = Adapter(
    kind=KIND,
    default_base=DEFAULT_BASE,
    fetch=fetch,
    terms=f"Public API, no key; paged; only the first {MAX_PAGES} pages are read.",
)
