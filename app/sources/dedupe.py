"""Grouping of the same job seen on two boards, or reposted, so a person sees it once.

The rule (``group_key_for``): two postings are the same job when their normalised
company, title and location are equal. When in doubt the key keeps postings apart: a job
shown twice is a nuisance, two jobs merged into one hide one of them.

- company: accents folded, lower case, "&" read as "and", dotted abbreviations joined
  ("B.V." = "BV"), then legal-form words dropped from the end ("Acme, Inc." = "ACME GmbH"
  = "acme"; "Randstad Nederland B.V." = "Randstad Nederland") and a leading "The". Only
  the end: "Co-op" and "The Company Store" keep their words.
- title: lower case, gender tags dropped ("(m/w/d)", "(f/m/x)", "(all genders)"),
  workplace words in brackets or after a dash dropped ("Engineer (Remote)" = "Engineer"),
  "Sr."/"Snr" read as "senior" and "Jr." as "junior"; other words are kept, so
  "Senior Engineer" and "Engineer" stay apart.
- location (the first place named, read by ``app.places.locations``): the city with its
  state or province where those are part of a city's name (US, Canada: "Columbus, OH" and
  "Columbus, GA" differ), without the country ("Berlin, Germany" = "Berlin" = "Berlin,
  BE, DE"; local names folded, "München" = "Munich"). A place in brackets counts
  ("Hybrid (London)" is London). Without a city, the state, country or area. Remote jobs
  get "remote" before it, so "Remote (US)" and "Remote (EMEA)" stay apart.

Without a company nothing can be claimed about sameness, so such a posting gets a key of
its own (``~source:external_id``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.places.locations import Place, fold, parse_location
from app.sources.models import Posting

_LEGAL = {
    "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "ag", "corp", "corporation", "co",
    "plc", "sa", "sas", "sarl", "bv", "nv", "se", "srl", "spa", "oy", "oyj", "ab", "as", "asa",
    "aps", "pty", "kg", "kgaa", "ug", "ev", "lp", "llp", "pte", "pvt", "bhd", "sdn", "ltda",
    "sl", "company", "group", "holding", "holdings", "kk",
}  # fmt: skip
_DOTTED = re.compile(r"\b(?:[a-z]\.)+[a-z]\b\.?")  # "b.v." "s.p.a." "l.l.c."
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


def _words(text: str) -> list[str]:
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), fold(text))
    return [w for w in _NON_WORD.sub(" ", text.replace("&", " and ")).split() if w]


def normalize_company(company: str | None) -> str:
    words = _words(company or "")
    kept = words[1:] if words[:1] == ["the"] and len(words) > 1 else list(words)
    while len(kept) > 1 and (kept[-1] in _LEGAL or kept[-1] == "and"):  # "Smith & Co." -> smith
        kept.pop()
    return " ".join(kept if kept and kept[-1] not in _LEGAL else words)


def normalize_title(title: str | None) -> str:
    text = _GENDER_RE.sub(" ", title or "")
    text = _BRACKET_RE.sub(lambda m: " " if _WORKPLACE_RE.match(m.group(1)) else m.group(0), text)
    text = _DASH_TAIL_RE.sub("", text)
    return " ".join(_ABBREV.get(w, w) for w in _words(text))


def normalize_location(location: str | None, remote: str | None) -> str:
    places = parse_location(location or "").places
    words = [_place_key(places[0])] if places else []
    if remote == "remote":
        words.insert(0, "remote")
    return " ".join(w for w in words if w)


def _place_key(place: Place) -> str:
    if place.city:
        keep_region = place.region_coded or (place.region and not place.country)
        return f"{place.city} {place.region}" if keep_region else place.city
    return place.region or place.country or place.area


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
