"""Source specifications: what the user typed as ``KIND:ID``, parsed and checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

KINDS: tuple[str, ...] = (
    "greenhouse",
    "lever",
    "ashby",
    "smartrecruiters",
    "remotive",
    "arbeitnow",
    "rss",
    "file",
)

# Board tokens, Lever sites, Ashby names and SmartRecruiters company ids are URL path
# segments; anything else would change the request path (e.g. "../" or "?x=").
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_SLUG_KINDS = {"greenhouse", "lever", "ashby", "smartrecruiters"}


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """One configured job source.

    Attributes:
        kind: one of ``KINDS``.
        id: board token (greenhouse), site (lever), board name (ashby), company id
            (smartrecruiters), feed URL (rss), file path (file), optional search term
            or category (remotive: ``remotive:`` alone means all jobs; ``remotive:search=python``
            or ``remotive:category=software-dev``), ignored for arbeitnow (``arbeitnow:`` or
            ``arbeitnow:all``).
        base_url: overrides the source's default API host (tests, proxies, Lever's EU host).
        name: display name; also used as the company name when the source does not give one.
    """

    kind: str
    id: str
    base_url: str | None = None
    name: str | None = None

    @property
    def key(self) -> str:
        """The stable ``kind:id`` string stored as ``Posting.source``."""
        return f"{self.kind}:{self.id}"

    def __str__(self) -> str:
        return self.key

    @classmethod
    def parse(
        cls, text: str, *, base_url: str | None = None, name: str | None = None
    ) -> SourceSpec:
        """Parse ``KIND:ID``; raise ``ValueError`` with a message a user can act on."""
        return parse_spec(text, base_url=base_url, name=name)


def parse_spec(text: str, *, base_url: str | None = None, name: str | None = None) -> SourceSpec:
    """Parse a ``KIND:ID`` string into a validated ``SourceSpec``."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("empty source: expected KIND:ID, e.g. greenhouse:acme")
    raw = text.strip()
    kind, sep, ident = raw.partition(":")
    kind = kind.strip().lower()
    ident = ident.strip()
    if not sep:
        raise ValueError(
            f"source {raw!r} has no kind: expected KIND:ID with KIND one of {', '.join(KINDS)}"
        )
    if kind not in KINDS:
        raise ValueError(f"unknown source kind {kind!r}: expected one of {', '.join(KINDS)}")
    if kind in _SLUG_KINDS:
        if not ident:
            raise ValueError(f"{kind} source needs an id: {kind}:BOARD (e.g. {kind}:acme)")
        if not _SLUG.match(ident):
            raise ValueError(
                f"invalid {kind} id {ident!r}: use only letters, digits, '.', '_' and '-'"
            )
    elif kind == "rss":
        parts = urlsplit(ident)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"rss source needs an http(s) feed URL, got {ident!r}")
    elif kind == "file":
        if not ident:
            raise ValueError("file source needs a path: file:/path/to/jobs.csv (or .json)")
        if not ident.lower().endswith((".csv", ".json", ".jsonl")):
            raise ValueError(f"file source {ident!r} must be a .csv, .json or .jsonl file")
    elif kind == "remotive":
        if ident and ident != "all":
            key, eq, value = ident.partition("=")
            if not eq or key not in ("search", "category") or not value:
                raise ValueError(
                    "remotive id must be empty, 'all', 'search=TERM' or 'category=SLUG', "
                    f"got {ident!r}"
                )
        ident = ident or "all"
    elif kind == "arbeitnow":
        ident = ident or "all"
    if base_url is not None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"base URL must be an http(s) URL, got {base_url!r}")
        base_url = base_url.rstrip("/")
    return SourceSpec(kind=kind, id=ident, base_url=base_url, name=name)
