"""One posting a person brings in (pasted text, or a page with schema.org JSON-LD), stored
and scored at once as source "manual".

Manual jobs are never closed by a search (no board lists them) and are rescored by the
same rule as every open job when the profile changes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from app.core.errors import UserError
from app.matching import SCORER_NAME, Scorer
from app.search.profile import load_match_profile
from app.sources import Fetcher, Posting, SourceFetchError, posting_from_jsonld, posting_from_text
from app.sources.single import job_postings_in_html
from app.storage import jobs as job_store

if TYPE_CHECKING:
    from app.runtime import Runtime

MANUAL_SOURCE = "manual"


@dataclass(frozen=True, slots=True)
class AddedJob:
    job_id: int
    created: bool
    score: int
    summary: str
    posting: Posting


def posting_from_pasted(text: str) -> Posting:
    """A manual posting from pasted text; ``UserError`` when there is nothing to read."""
    try:
        return posting_from_text(text, source=MANUAL_SOURCE)
    except (ValueError, StopIteration) as exc:
        raise UserError(f"Cannot read the posting: {exc or 'it is empty'}.") from None


async def posting_from_page(runtime: Runtime, url: str) -> Posting:
    """A manual posting from a job page's schema.org ``JobPosting`` (JSON-LD)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(f"{url!r} is not an http(s) URL.")
    fetcher = Fetcher(runtime.http)
    try:
        body = await fetcher.get(url, source=url, headers={"Accept": "text/html,*/*"})
    except SourceFetchError as exc:
        raise UserError(f"Cannot read {url}: {exc.reason}.") from None
    nodes = job_postings_in_html(body.text())  # decoded with the page's declared charset
    if not nodes:
        raise UserError(
            f"The page {url} holds no schema.org JobPosting; paste the posting's text instead "
            "(jobagent jobs add-text FILE)."
        )
    return posting_from_jsonld(nodes[0], url=body.url, source=MANUAL_SOURCE)


async def add_posting(runtime: Runtime, posting: Posting) -> AddedJob:
    """Store (or refresh) one manual posting and score it against the current profile."""
    posting = dataclasses.replace(posting, source=MANUAL_SOURCE)
    db, user_id = runtime.db, runtime.user_id
    profile = await load_match_profile(db, user_id)
    scorer = await Scorer.create(profile.profile)
    result = scorer.score(posting)
    key = (posting.source, posting.external_id)
    existing = await job_store.find_job_id(db, *key)
    match = job_store.MatchWrite(
        key, result.score, result.reasons, result.version, posting.content_hash
    )
    write = job_store.SearchWrite(
        user_id=user_id,
        run_id=None,
        scorer=SCORER_NAME,
        profile_version=profile.version,
        profile_fingerprint=scorer.fingerprint,
        upserts=[posting],
        matches=[match],
    )
    ids = await job_store.save_search(db, write)
    return AddedJob(ids[key], existing is None, result.score,
                    str(result.reasons.get("summary", "")), posting)  # fmt: skip
