"""What a search reports: the counts, the failed sources and the best matches."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from app.storage.jobs import TopMatch


@dataclass(frozen=True, slots=True)
class FailedSource:
    source: str  # the kind:id key
    name: str  # how it is shown: its name and key, or the key
    reason: str


@dataclass(slots=True)
class SearchSummary:
    """``JobSearchWorkflow.result``: what ``jobagent search`` prints.

    Attributes:
        fetched: postings received from the sources that worked.
        new, updated, unchanged, reopened: fetched jobs by what changed (see changes.py).
        closed: stored jobs gone from a source that answered completely.
        duplicates: fetched postings that are another posting's job (shown once).
        failed_sources: each source that failed, and why.
        scored: jobs scored in this search; skipped_unchanged: open jobs whose stored
            score was still valid.
        best: the best open matches, one per job, under the ids ``jobagent jobs list``
            shows, leaving out jobs the user hid or rejected
            (``app.storage.job_listing.best_matches``).
    """

    sources: int = 0
    fetched: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    reopened: int = 0
    closed: int = 0
    duplicates: int = 0
    failed_sources: list[FailedSource] = field(default_factory=list)
    scored: int = 0
    skipped_unchanged: int = 0
    best: list[TopMatch] = field(default_factory=list)
    profile_empty: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def usage(self) -> dict[str, int]:
        """The counts for the Run row's ``usage``."""
        keys = ("sources", "fetched", "new", "updated", "unchanged", "reopened", "closed",
                "duplicates", "scored", "skipped_unchanged")  # fmt: skip
        return {k: getattr(self, k) for k in keys} | {"failed": len(self.failed_sources)}

    def lines(self) -> list[str]:
        """The summary for people, a few lines."""
        out = [
            f"Fetched {self.fetched} postings from {self.sources - len(self.failed_sources)} "
            f"of {self.sources} sources.",
            f"New {self.new}, updated {self.updated}, unchanged {self.unchanged}, "
            f"reopened {self.reopened}, closed {self.closed}, duplicates {self.duplicates}.",
            f"Scored {self.scored}; {self.skipped_unchanged} kept their score (unchanged).",
        ]
        for failed in self.failed_sources:
            out.append(f"Failed: {failed.name}: {failed.reason}")
        return out
