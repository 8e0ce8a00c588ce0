"""Any RSS or Atom feed of job postings (``rss:https://example.com/jobs.rss``).

The feed is fetched with the shared client (so limits, retries and the size ceiling apply)
and parsed by feedparser from bytes. Feeds rarely name the company in a field of its own:
the entry's author, then the spec's name, then the feed's title is used.
"""

from __future__ import annotations

import calendar
import hashlib
import io
from datetime import UTC, datetime
from typing import Any

from app.sources.base import Adapter, FetchContext
from app.sources.http import SourceFetchError, in_thread
from app.sources.models import Posting
from app.sources.normalize import make_posting
from app.sources.spec import SourceSpec

KIND = "rss"


def _when(entry: Any) -> datetime | str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if st:
            return datetime.fromtimestamp(calendar.timegm(st), tz=UTC)
    return entry.get("published") or entry.get("updated")


def parse(content: bytes, spec: SourceSpec) -> list[Posting]:
    """Postings from feed bytes; raises when the bytes are not a feed."""
    import feedparser  # imported here: about 40 ms, and only feeds need it

    # A stream, never raw bytes: feedparser would try bytes as a local file name first.
    feed = feedparser.parse(io.BytesIO(content))
    if not feed.entries and (feed.bozo or not feed.get("version")):
        problem = feed.get("bozo_exception")
        detail = f": {problem}" if problem else ""
        raise SourceFetchError(spec.key, f"not an RSS or Atom feed{detail}")
    feed_title = (feed.feed or {}).get("title")
    out = []
    for entry in feed.entries:
        link = entry.get("link")
        ident = (
            entry.get("id")
            or link
            or hashlib.sha256(
                f"{entry.get('title')}|{entry.get('published')}".encode()
            ).hexdigest()[:24]
        )
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value") or ""
        body = body or entry.get("summary") or entry.get("description") or ""
        out.append(
            make_posting(
                source=spec.key,
                external_id=ident,
                title=entry.get("title"),
                url=link,
                company=entry.get("author") or spec.name or feed_title,
                location=entry.get("location") or entry.get("region") or entry.get("job_location"),
                employment=entry.get("job_type") or entry.get("type"),
                description_html=body,
                posted_at=_when(entry),
            )
        )
    return out


async def fetch(ctx: FetchContext, spec: SourceSpec) -> list[Posting]:
    body = await ctx.fetcher.get(
        spec.id,
        source=spec.key,
        headers={"Accept": "application/rss+xml, application/atom+xml, application/xml, */*"},
        not_found=f"feed not found (HTTP 404) at {spec.id}",
    )
    return await in_thread(parse, body.content, spec)


ADAPTER = Adapter(
    kind=KIND,
    default_base="",
    fetch=fetch,
    terms="Any RSS/Atom feed; respect each publisher's terms.",
    lists_everything=False,
)
