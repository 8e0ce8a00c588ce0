"""Grouping of the same job seen on two boards, or reposted, so a person sees it once.

The rule (``group_key_for``): two postings are the same job when their normalised
company, title and location are equal.

- company: accents folded, lower case, "&" read as "and", punctuation dropped, legal
  suffixes dropped ("Acme, Inc." = "ACME GmbH" = "acme").
- title: lower case, gender tags dropped ("(m/w/d)", "(f/m/x)", "(all genders)"),
  workplace words in brackets or after a dash dropped ("Engineer (Remote)" = "Engineer"),
  "Sr."/"Snr" read as "senior" and "Jr." as "junior"; other words are kept, so
  "Senior Engineer" and "Engineer" stay apart.
- location: "remote" for remote jobs (whatever region they name); otherwise the city, i.e.
  the first place before a comma ("Berlin, Germany" = "Berlin (Hybrid)" = "berlin").

Without a company nothing can be claimed about sameness, so such a posting gets a key of
its own (``~source:external_id``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.sources.models import Posting

_LEGAL = {
    "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "ag", "corp", "corporation", "co",
    "plc", "sa", "sas", "sarl", "bv", "nv", "se", "srl", "spa", "oy", "ab", "as", "asa", "pty",
    "kg", "ug", "lp", "llp", "pte", "company", "the", "group", "holdings", "kk",
}  # fmt: skip
_WORKPLACE = r"remote|hybrid|on[- ]?site|in[- ]office|onsite|anywhere|worldwide|wfh"
_GENDER_RE = re.compile(
    r"[(\[]\s*(?:[mwfdxh]\s*[/|,]\s*){1,3}[mwfdxh]\s*\*?[)\]]|\ball genders?\b|\bgn\b|"
    r"\b(?:[mwfd]\s*/\s*){2,3}[mwfdx]\b",
    re.I,
)
_BRACKET_RE = re.compile(r"[(\[]([^)\]]*)[)\]]")
_WORKPLACE_RE = re.compile(rf"^\s*(?:{_WORKPLACE})\b", re.I)
_DASH_TAIL_RE = re.compile(rf"\s+[-–—|]\s+(?:(?:fully\s+)?(?:{_WORKPLACE})\b.*)$", re.I)
_NON_WORD = re.compile(r"[^\w]+")
_ABBREV = {"sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior", "mgr": "manager",
           "eng": "engineer", "engr": "engineer", "dev": "developer"}  # fmt: skip


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _words(text: str) -> list[str]:
    return [w for w in _NON_WORD.sub(" ", _fold(text).replace("&", " and ")).split() if w]


def normalize_company(company: str | None) -> str:
    words = _words(company or "")
    kept = [w for w in words if w not in _LEGAL]
    while kept and kept[-1] == "and":  # "Smith & Co." -> "smith"
        kept.pop()
    return " ".join(kept or words)


def normalize_title(title: str | None) -> str:
    text = _GENDER_RE.sub(" ", title or "")
    text = _BRACKET_RE.sub(lambda m: " " if _WORKPLACE_RE.match(m.group(1)) else m.group(0), text)
    text = _DASH_TAIL_RE.sub("", text)
    return " ".join(_ABBREV.get(w, w) for w in _words(text))


def normalize_location(location: str | None, remote: str | None) -> str:
    if remote == "remote":
        return "remote"
    if not location:
        return ""
    first = re.split(r"\s+/\s+|;|\||\bor\b", location, maxsplit=1)[0]
    city = first.split(",", 1)[0]
    city = _BRACKET_RE.sub(" ", city)
    words = [w for w in _words(city) if not re.fullmatch(_WORKPLACE, w)]
    return " ".join(words)


def group_key_for(
    company: str | None,
    title: str | None,
    location: str | None,
    remote: str | None,
    *,
    fallback: str = "",
) -> str:
    """The readable grouping key ``company|title|location`` (see the module docstring)."""
    comp = normalize_company(company)
    if not comp:
        return f"~{fallback}" if fallback else ""
    return f"{comp}|{normalize_title(title)}|{normalize_location(location, remote)}"


# Boards run by the employer are preferred over aggregators and files as the one shown.
_SOURCE_RANK = {"greenhouse": 0, "lever": 0, "ashby": 0, "smartrecruiters": 0, "remotive": 1,
                "arbeitnow": 1, "rss": 2, "file": 3}  # fmt: skip


@dataclass(slots=True)
class DedupeResult:
    """Outcome of ``dedupe``.

    Attributes:
        unique: one posting per group (the one to show), in first-seen order.
        groups: group key -> every posting in that group, the shown one first.
        duplicates: how many postings were folded into another one's group.
        repeated_ids: postings dropped because the same (source, external_id) came twice.
    """

    unique: list[Posting] = field(default_factory=list)
    groups: dict[str, list[Posting]] = field(default_factory=dict)
    duplicates: int = 0
    repeated_ids: int = 0


def _rank(p: Posting) -> tuple:
    kind = p.source.split(":", 1)[0]
    posted = p.posted_at.timestamp() if p.posted_at else float("-inf")
    return (_SOURCE_RANK.get(kind, 4), -posted, -len(p.description))


def dedupe(postings: Iterable[Posting]) -> DedupeResult:
    """Group postings by ``group_key`` and pick the one to show in each group.

    The shown posting is the one from an employer's own board (Greenhouse, Lever, Ashby,
    SmartRecruiters) before aggregators, feeds and files; then the most recently posted;
    then the longest description. The result is deterministic for a given input order.
    """
    result = DedupeResult()
    seen_ids: set[tuple[str, str]] = set()
    order: list[str] = []
    for p in postings:
        ident = (p.source, p.external_id)
        if ident in seen_ids:
            result.repeated_ids += 1
            continue
        seen_ids.add(ident)
        key = p.group_key or f"~{p.source}:{p.external_id}"
        bucket = result.groups.get(key)
        if bucket is None:
            result.groups[key] = [p]
            order.append(key)
        else:
            bucket.append(p)
            result.duplicates += 1
    for key in order:
        bucket = result.groups[key]
        if len(bucket) > 1:
            bucket.sort(key=_rank)  # stable: ties keep input order
        result.unique.append(bucket[0])
    return result
