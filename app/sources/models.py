"""The one normalised job posting shape every source adapter produces."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

RemoteMode = Literal["remote", "hybrid", "onsite"]
SalaryInterval = Literal["year", "month", "week", "day", "hour"]
REMOTE_MODES: tuple[str, ...] = ("remote", "hybrid", "onsite")
SALARY_INTERVALS: tuple[str, ...] = ("year", "month", "week", "day", "hour")


@dataclass(slots=True, kw_only=True)
class Posting:
    """A job posting after normalisation.

    Build one with ``app.sources.normalize.make_posting`` so that the text is cleaned and
    ``content_hash`` and ``group_key`` are filled in; a plain dataclass (not pydantic) because
    a search handles tens of thousands of these and validation would only cost time.

    Attributes:
        source: the source's ``kind:id`` key (``SourceSpec.key``); with ``external_id`` the
            identity to upsert by.
        external_id: the posting's id on that source (stable across fetches).
        url: the page a person opens to read or apply.
        title, company, location: display strings (location may join several with " / ").
        remote: "remote", "hybrid", "onsite" or None when unknown.
        employment_type: "full_time", "part_time", "contract", "temporary", "internship"
            or None.
        salary_min, salary_max: amounts in ``salary_currency`` per ``salary_interval``.
        salary_currency: ISO 4217 code ("USD", "EUR", ...).
        salary_interval: "year", "month", "week", "day" or "hour".
        description: clean text, paragraphs separated by blank lines, list items as "- ".
        posted_at: aware UTC datetime, or None.
        department: team or department when the source gives one.
        content_hash: sha256 hex of the fields that matter for scoring (see normalize.py).
        group_key: same job across boards or reposts (see dedupe.py).
    """

    source: str
    external_id: str
    url: str | None = None
    title: str = ""
    company: str | None = None
    location: str | None = None
    remote: RemoteMode | None = None
    employment_type: str | None = None
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    salary_interval: SalaryInterval | None = None
    description: str = ""
    posted_at: datetime | None = None
    department: str | None = None
    content_hash: str = ""
    group_key: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly dict (``posted_at`` as ISO 8601)."""
        data = asdict(self)
        data["posted_at"] = self.posted_at.isoformat() if self.posted_at else None
        return data
