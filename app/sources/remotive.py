"""Remotive public API: ``GET /api/remote-jobs`` (optional ``category`` / ``search``).

Remotive's terms ask for very few calls a day (a handful; data is delayed anyway) and for
a link back to Remotive with each job shown. So the response is cached on disk in the
``cache_dir`` given to the fetch and reused for ``CACHE_TTL`` seconds; when a refresh fails,
a stale copy is used rather than nothing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path
from typing import Any

from app.sources.base import Adapter, FetchContext, base_url, map_postings
from app.sources.http import Body, SourceFetchError, decode_json
from app.sources.models import Posting
from app.sources.normalize import make_posting
from app.sources.spec import SourceSpec

log = logging.getLogger(__name__)

KIND = "remotive"
DEFAULT_BASE = "https://remotive.com"
CACHE_TTL = 6 * 3600.0  # at most four refreshes a day


def query_params(spec: SourceSpec) -> dict[str, str]:
    """``remotive:search=python`` -> {"search": "python"}; ``remotive:all`` -> {}."""
    key, eq, value = spec.id.partition("=")
    return {key: value} if eq and key in ("search", "category") else {}


def cache_path(cache_dir: Path, spec: SourceSpec, url: str) -> Path:
    params = "&".join(f"{k}={v}" for k, v in sorted(query_params(spec).items()))
    digest = hashlib.sha256(f"{url}?{params}".encode()).hexdigest()[:16]
    return cache_dir / "remotive" / f"{digest}.json"


def _read_cache(path: Path, max_age: float | None) -> bytes | None:
    try:
        age = time.time() - path.stat().st_mtime
        if max_age is not None and age > max_age:
            return None
        return path.read_bytes()
    except OSError:
        return None


def _write_cache(path: Path, content: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(content)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only cache must not fail the search
        log.warning("could not write Remotive cache %s: %s", path, exc)


def _jobs(payload: Any, spec: SourceSpec) -> list[Any]:
    if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
        raise SourceFetchError(spec.key, "unexpected Remotive response: no 'jobs' list")
    return payload["jobs"]


def posting(job: Any, spec: SourceSpec) -> Posting | None:
    """One Remotive job as a ``Posting``; every Remotive job is remote."""
    if not isinstance(job, dict) or job.get("id") is None:
        return None
    return make_posting(
        source=spec.key,
        external_id=job["id"],
        title=job.get("title"),
        url=job.get("url"),
        company=job.get("company_name"),
        location=job.get("candidate_required_location") or "Remote",
        remote="remote",
        employment=job.get("job_type"),
        salary_text=job.get("salary") or None,
        description_html=job.get("description"),
        posted_at=job.get("publication_date"),
        department=job.get("category"),
        extra={"tags": list(job.get("tags") or [])} if job.get("tags") else None,
    )


def parse(payload: Any, spec: SourceSpec) -> list[Posting]:
    """Postings from a Remotive ``remote-jobs`` response."""
    return [p for p in (posting(job, spec) for job in _jobs(payload, spec)) if p]


async def fetch(ctx: FetchContext, spec: SourceSpec) -> list[Posting]:
    url = f"{base_url(spec, DEFAULT_BASE)}/api/remote-jobs"
    path = cache_path(ctx.cache_dir, spec, url) if ctx.cache_dir else None
    if path is None:
        log.warning("Remotive fetched without a cache_dir: its terms ask for few calls a day")
    cached = _read_cache(path, CACHE_TTL) if path else None
    if cached is not None:
        payload = await decode_json(Body(cached, "application/json", url), spec.key)
        return await map_postings(_jobs(payload, spec), posting, spec)
    try:
        body = await ctx.fetcher.get(
            url, source=spec.key, params=query_params(spec) or None,
            not_found=f"Remotive API not found at {url}",
        )  # fmt: skip
        payload = await decode_json(body, spec.key)
    except SourceFetchError as exc:
        stale = _read_cache(path, None) if path else None
        if stale is None:
            raise
        log.warning("Remotive refresh failed (%s); using the cached copy", exc.reason)
        payload = await decode_json(Body(stale, "application/json", url), spec.key)
    else:
        if path:
            _write_cache(path, body.content)
    return await map_postings(_jobs(payload, spec), posting, spec)


ADAPTER = Adapter(
    kind=KIND,
    default_base=DEFAULT_BASE,
    fetch=fetch,
    terms="Public API; asks for very few calls a day (cached 6 h) and a link back to Remotive.",
)
