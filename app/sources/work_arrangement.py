"""Work arrangement: is a job remote, hybrid or on-site?

The mode comes from the most explicit place that states it:

1. a structured workplace field (Lever workplaceType, JobSpy is_remote, JSON-LD ...);
2. the location, where "Remote", "Hybrid" or "3 days in office" can only be the arrangement;
3. the title, but only a part of it that is nothing but the arrangement ("Engineer
   (Remote)", "Nurse - Work From Home"): in "Remote Sensing Analyst" or "Hybrid Vehicle
   Technician" the word names the trade;
4. the description, clause by clause: only phrases about the job count ("fully remote",
   "hybrid role", "on-site position"; not "remote servers" or "software for remote work"),
   a negated one ("not a remote position", "work from home is not an option") says
   nothing, and hybrid statements beat on-site ones, which beat remote ones.
"""

from __future__ import annotations

import re
from typing import Any

_STRUCTURED_REMOTE = {
    "remote": "remote", "fully remote": "remote", "telecommute": "remote", "true": "remote",
    "yes": "remote", "1": "remote",
    "hybrid": "hybrid",
    "onsite": "onsite", "on-site": "onsite", "on site": "onsite", "in office": "onsite",
    "in-office": "onsite", "office": "onsite",
}  # fmt: skip

_FEW_DAYS = r"(?:[1-4]|one|two|three|four)(?:\s*(?:-|–|to|or)\s*(?:[1-4]|two|three|four))?"
_PLACE = (
    r"(?:(?:in|at|from)\s+(?:the\s+|our\s+|an?\s+)?(?:[\w-]+\s+)?"
    r"(?:office|home|site|hq|headquarters|campus)"
    r"|on[- ]?site|remote(?:ly)?|in[- ](?:office|person))"
)
# "3 days in office", "two days a week from home", "on-site 2-3 days": part here, part there.
_SOME_DAYS = (
    rf"\b{_FEW_DAYS}\s+days?\s+(?:(?:a|per|each)\s+week\s+)?{_PLACE}\b"
    rf"|\b(?:from home|remotely|in (?:the|our) office|on[- ]?site)\s+(?:for\s+)?(?:up to\s+)?"
    rf"{_FEW_DAYS}\s+days?\b"
)
_NOT = r"(?<!\bnot )(?<!\bno )(?<!\bnon-)(?<!\bnon )"
# Short fields (location, structured values): a bare word is enough.
_SHORT_HYBRID_RE = re.compile(
    rf"{_NOT}\b(?:hybrid|hybride|h\u00edbrido|partial(?:ly)? remote|partly remote|"
    rf"t\u00e9l\u00e9travail partiel)\b|{_SOME_DAYS}",
    re.I,
)
_SHORT_REMOTE_RE = re.compile(
    rf"{_NOT}\b(?:remote|anywhere|telecommute|work(?:ing)? from home|wfh|homeoffice|"
    r"teletrabajo|t\u00e9l\u00e9travail|remoto)\b",
    re.I,
)
_SHORT_ONSITE_RE = re.compile(
    r"\b(?:on[- ]?site|in[- ]office|office[- ]based|in[- ]person|not remote|no remote)\b", re.I
)
# A title part that is only the arrangement, maybe with a region ("Remote US", "Remote in
# Canada"): "Remote", "100% Remote", "Remote-first", "Hybrid/Remote", "Work From Home".
_MODE_WORD = (
    r"(?:remote|hybrid|on[- ]?site|in[- ]office|in[- ]person|office[- ]based|wfh|telecommute"
    r"|work(?:ing)? from home|home[- ]based)"
)
_ARRANGEMENT_RE = re.compile(
    rf"(?:(?:fully|100%|partially|partly)\s+)?{_MODE_WORD}"
    r"(?:[- ](?:first|friendly|eligible|only|optional|possible|ok|based))?"
    rf"(?:\s*(?:/|or|and|&)\s*{_MODE_WORD})*",
    re.I,
)
_TITLE_PARTS_RE = re.compile(r"\s[-–—|/:]\s|[()\[\]|,:]|\s[-–—]|[-–—]\s")
_REGION_TAIL_RE = re.compile(
    r"\s+(?:(?i:in|within|from|across)\s+\S.*|[A-Z]{2,5}(?:\s+[A-Z]{2,5})*)$"
)

# Descriptions (lower-cased): only phrases about the job itself ("hybrid cloud", "remote
# servers", "parking is on-site" or "software for remote work" must not count). A mode word
# after "the role is", "this is a", "we are"... counts when nothing but a role noun, a
# preposition or the end of the clause follows ("this is a remote role", not "this is a
# remote sensing role").
_SUBJECT = (
    r"\b(?:role|position|job|opportunity|this|it|work|we|team|company)\s+"
    r"(?:is|are|will be|can be|'s|’s)\s+(?:an?\s+)?(?:fully\s+|100%\s+|entirely\s+)?"
)
_END = (
    r"(?=[ -](?:role|position|job|opportunity|company|team|basis|first|friendly|eligible|"
    r"and|or|but|with|in|within|from|for|across|at|on|until|only|\d)\b|\s*[^\w\s-]|\s*$)"
)
_ONSITE = r"(?:on[- ]?site|in[- ]office|in[- ]person)"
_DESC_HYBRID_RE = re.compile(
    r"\bhybrid[ -](?:role|position|job|work|working|model|arrangement|schedule|setup|"
    r"environment|remote|opportunity|team|policy|basis|office|workplace)\b"
    rf"|{_SUBJECT}hybrid{_END}|\bon a hybrid basis\b|\(hybrid\)|{_SOME_DAYS}"
)
_DESC_REMOTE_RE = re.compile(
    r"\b(?:fully|100%|completely|entirely|all)[ -]remote\b"
    r"|\bremote[ -](?:first|friendly|eligible|only|role|position|job|opportunity|option|"
    r"basis|contract)\b"
    rf"|{_SUBJECT}remote{_END}"
    r"|\bwork(?:s|ing)?\s+(?:fully\s+|100%\s+)?remotely\b"
    r"|\bwork(?:ing)?[- ]from[- ]home\b|\bwfh\b"
    r"|\bremote work(?:ing)? (?:is |are )?"
    r"(?:available|possible|allowed|permitted|offered|an option)"
    r"|\btelecommut(?:e|ing) (?:is )?(?:role|position|job|available|allowed|permitted|possible)"
    r"|\banywhere in the world\b|\bwork from anywhere\b|\((?:fully )?remote\)"
)
_DESC_ONSITE_RE = re.compile(
    rf"\b{_ONSITE} (?:role|position|job|only|opportunity|basis)\b"
    rf"|{_SUBJECT}{_ONSITE}{_END}"
    rf"|\b(?:work|works|working|report|based|located)\s+{_ONSITE}{_END}"
    r"|\b(?:fully|100%|entirely)\s+(?:on[- ]?site|in[- ]person)\b|\boffice[- ]based\b"
    r"|\b(?:fully|full[- ]time|100%|entirely|five days|5 days) in (?:the|our) office\b"
    rf"|\({_ONSITE}\)"
)
_DESC_LABEL_RE = re.compile(
    r"^\s*(?:location|workplace(?: type)?|work (?:location|model|arrangement|setting|type)|"
    r"remote|arrangement)\s*:\s*(.+)$",
    re.M,
)
_NEG_BEFORE_RE = re.compile(
    r"\b(?:not|no|never|non|cannot|unable|without|\w+n[’']t)\b(?:\W+\w+){0,3}\W*$"
)
_NEG_AFTER_RE = re.compile(
    r"^\W*(?:\w+\W+){0,4}?(?:(?:is|are|will be|would be)\s+not\b|\w+n[’']t\b|"
    r"not\s+(?:possible|available|an option|offered|permitted|allowed|supported|eligible)\b)",
)
_NOW_AND_THEN_RE = re.compile(r"\b(?:occasional\w*|periodic\w*|sometimes|as needed|travel)")
_CLAUSE_RE = re.compile(r"(?<=[.!?;:])\s+|\n+")
_CUE_RE = re.compile(r"remote|hybrid|site|office|person|home|wfh|telecommut|anywhere|hq|campus")


def remote_from_structured(value: Any) -> str | None:
    """Map a structured workplace field (Lever "on-site", Ashby "OnSite", bools...).

    A false "is remote" flag says only what the job is not, so it gives None and lets the
    text decide between hybrid and on-site. Other words are read like a location
    ("remote - US", "partially remote", "WFH").
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "remote" if value else None
    key = str(value).strip().lower().replace("_", " ")
    found = _STRUCTURED_REMOTE.get(key) or _STRUCTURED_REMOTE.get(key.replace(" ", ""))
    return found or _mode_of_place(key)


def _mode_of_place(text: str) -> str | None:
    """The mode a location (or a part of a title) states, if any."""
    if _SHORT_HYBRID_RE.search(text):
        return "hybrid"
    if _SHORT_REMOTE_RE.search(text):
        return "remote"
    if _SHORT_ONSITE_RE.search(text):
        return "onsite"
    return None


# A title that opens with the arrangement ("Remote Software Engineer", "Hybrid Office
# Manager"), unless the word starts a field's name ("Remote Sensing", "Hybrid Powertrain").
_LEADING_MODE_RE = re.compile(
    r"^(remote|hybrid)\s+(?!(?:sensing|pilot\w*|monitoring|patient|operat\w*|viewing|vehicles?"
    r"|cars?|electric\w*|powertrain|cloud|app|apps|mobile|systems?|integration|work)\b)\w",
    re.I,
)


def _mode_of_title(title: str) -> str | None:
    """The mode a part of the title states when that part is only the arrangement, or
    when the title opens with it."""
    leading = _LEADING_MODE_RE.match(title.strip())
    if leading:
        return leading[1].lower()
    found = None
    for part in _TITLE_PARTS_RE.split(title):
        part = part.strip()
        if part and (
            _ARRANGEMENT_RE.fullmatch(part)
            or _ARRANGEMENT_RE.fullmatch(_REGION_TAIL_RE.sub("", part))
        ):
            mode = _mode_of_place(part)
            if mode == "hybrid":
                return mode
            found = found or mode
    return found


def _mode_of_description(text: str) -> str | None:
    # Lower-cased once, with case-sensitive patterns: IGNORECASE alternations are several
    # times slower, and most descriptions mention no workplace word at all.
    text = text.lower()
    if not _CUE_RE.search(text):
        return None
    for label in _DESC_LABEL_RE.finditer(text):
        if mode := _mode_of_place(label.group(1)):
            return mode
    modes: set[str] = set()
    for clause in _CLAUSE_RE.split(text):
        if not _CUE_RE.search(clause):
            continue
        if _stated(clause, _DESC_HYBRID_RE):
            modes.add("hybrid")
        if _stated(clause, _DESC_REMOTE_RE):
            modes.add("remote")
        if _stated(clause, _DESC_ONSITE_RE) and not _NOW_AND_THEN_RE.search(clause):
            modes.add("onsite")  # but not "occasional travel to work on-site"
    for mode in ("hybrid", "onsite", "remote"):
        if mode in modes:
            return mode
    return None


def _stated(clause: str, regex: re.Pattern[str]) -> bool:
    """The clause holds a phrase of ``regex`` that is not negated."""
    return any(not _is_negated(clause, m.start(), m.end()) for m in regex.finditer(clause))


def _is_negated(clause: str, start: int, end: int) -> bool:
    """A negation within a few words before ("not a remote role") or after ("remote work
    is not possible") the mention, without a comma in between."""
    before = clause[:start].rpartition(",")[2]
    after = clause[end:].partition(",")[0]
    return bool(_NEG_BEFORE_RE.search(before) or _NEG_AFTER_RE.search(after))


def remote_from_text(
    *, location: str | None, title: str | None, description: str | None
) -> str | None:
    """Guess the workplace mode from text when no structured field says it (module docstring)."""
    mode = (location and _mode_of_place(location)) or (title and _mode_of_title(title))
    if mode:
        return mode
    return _mode_of_description(description[:6000]) if description else None
