"""Job sources: adapters over the shared httpx client, normalisation and de-duplication.

Entry points:
    parse_spec / SourceSpec   -- "KIND:ID" strings from Settings and the CLI.
    fetch_all                 -- fetch many sources; a failing one never fails the run.
    get_adapter               -- the adapter for one kind (fetch one source yourself).
    dedupe                    -- group the same job seen twice; pick the one to show.
    posting_from_text / fetch_posting_from_url -- one posting pasted or from a page.
    Posting                   -- the normalised posting every adapter returns.
"""

from app.sources.base import Adapter, FetchContext
from app.sources.dedupe import DedupeResult, dedupe, group_key_for
from app.sources.fetch import FetchReport, SourceProgress, SourceResult, fetch_all, fetch_source
from app.sources.http import Fetcher, FetchPolicy, SourceFetchError
from app.sources.models import REMOTE_MODES, SALARY_INTERVALS, Posting
from app.sources.normalize import make_posting
from app.sources.registry import all_adapters, get_adapter
from app.sources.single import fetch_posting_from_url, posting_from_jsonld, posting_from_text
from app.sources.spec import KINDS, SourceSpec, parse_spec

__all__ = [
    "KINDS",
    "REMOTE_MODES",
    "SALARY_INTERVALS",
    "Adapter",
    "DedupeResult",
    "FetchContext",
    "FetchPolicy",
    "FetchReport",
    "Fetcher",
    "Posting",
    "SourceFetchError",
    "SourceProgress",
    "SourceResult",
    "SourceSpec",
    "all_adapters",
    "dedupe",
    "fetch_all",
    "fetch_posting_from_url",
    "fetch_source",
    "get_adapter",
    "group_key_for",
    "make_posting",
    "parse_spec",
    "posting_from_jsonld",
    "posting_from_text",
]
