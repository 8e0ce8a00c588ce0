"""When an alias counts as a skill where it stands.

A `plain` alias counts wherever it is found. Aliases that are ordinary words
need more than a dictionary hit:
- `cased`: exact case ("Excel" but not "excel at", "SAP" but not "sap");
- `strict`: exact case and a related skill on the same or a neighbouring line
  ("Go", "R", "C", "Word", "React"), either as a short list item or inside a
  sentence after another word ("services in Go and Python", "Wrote React
  components"; not "React quickly to..." at the start of a line, nor part of a
  name such as "Ruby Tuesday"); single letters must not be glued to "&", "-" or
  "." ("R&D", "C-suite", "J. Smith");
- `related`: any case and anywhere, but only with a related skill on the same
  line ("transformers" beside "switchgear", not in "transformer models"; "audit"
  beside "month-end close", not in "stock audits");
- `weak`: counts only as a short list item ("Sales" in "Skills: Sales, POS",
  not in "increased sales by 20%");
- `adjective`: weak, and only when it describes the person, not a noun after
  it ("Flexible, reliable" but not "flexible hours", "Organised events").

A two-letter capital alias that is also a US state or Canadian province code
does not count where it stands as one, after a town ("Hartford, CT",
"Montréal, QC H3B 2Y5").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.places.regions import CA_PROVINCES, US_STATES

PLAIN, CASED, STRICT, WEAK, ADJECTIVE, STOP, RELATED = 0, 1, 2, 3, 4, 5, 6
DEFERRED = (STRICT, RELATED)  # kept only when a related skill is found nearby

_SENTENCE = re.compile(r"[a-z]\.\s+[A-Z]")
# A comma between digits ("1,200-person") is part of a number, not a list separator.
_HARD_SPLIT = re.compile(r"(?<!\d),|,(?!\d)|[;|•·▪●◦‣►■➢✓✔:()/]|\s[-–—]\s")
_LIST_SPLIT = re.compile(r"(?<!\d),|,(?!\d)|[;|•·▪●◦‣►■➢✓✔:()/]|\.\s|\s(?:[-–—]|and|or|&)\s")
_BULLET = re.compile(r"^[\s\-–—*•·▪●◦‣►■➢✓✔o]+(?=\S)")
_GLUE = "&-.'’"


@dataclass(frozen=True)
class AliasEntry:
    skill_id: str
    category: str
    mode: int
    surface: str
    context: frozenset[str]


def accept(entries, text, start, end, strict) -> AliasEntry | None:
    """The entry that counts at text[start:end], or None. A strict or related alias that
    may count is added to `strict`, to be judged by `has_context` once the text is read."""
    surface = None
    for entry in entries:
        if entry.mode == PLAIN or entry.mode == STOP:
            return entry
        if surface is None:
            surface = " ".join(text[start:end].split())
            if surface in _REGION_CODES and _after_town(text, start, end):
                return None
        if entry.mode == CASED:
            if surface == entry.surface or (len(surface) > 2 and surface == entry.surface.upper()):
                return entry
        elif entry.mode == WEAK:
            if _is_list_item(text, start, end):
                return entry
        elif entry.mode == ADJECTIVE:
            if _is_list_item(text, start, end) and not _modifies_noun(text, end):
                return entry
        elif entry.mode == RELATED or (
            surface == entry.surface and _strict_ok(text, start, end, entry)
        ):
            strict.append((entry, start, end))
            return None
    return None


_REGION_CODES = frozenset(US_STATES) | frozenset(CA_PROVINCES)
_TOWN_BEFORE = re.compile(r"[A-Z][^\W\d_]*[a-z][.]?[ \t]*,[ \t]*$")
_PLACE_END = re.compile(r"[ \t]*(?:$|\n|\d{5}|[A-Z]\d[A-Z]|[,;|·•)(–—-])")


def _after_town(text: str, start: int, end: int) -> bool:
    """True for a region code after a town: "Hartford, CT", "Little Rock, AR 72201"."""
    return (
        _TOWN_BEFORE.search(text, max(0, start - 40), start) is not None
        and _PLACE_END.match(text, end) is not None
    )


_YEAR_AFTER = re.compile(r"[ \t]+(?:19|20)\d\d\b")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’-]*)")
# Words after a trait adjective that keep it about the person: linking words
# ("Flexible and reliable", "Resilient under pressure") and nouns for a person
# or a way of working ("Reliable team player", "Flexible approach").
_STILL_ABOUT_THE_PERSON = frozenset(
    {
        "and", "or", "but", "yet", "to", "in", "under", "with", "when", "about", "at", "for",
        "on", "as", "while", "during", "across", "person", "individual", "team", "worker",
        "professional", "communicator", "colleague", "employee", "self", "self-starter",
        "approach", "attitude", "nature", "manner", "mindset", "character",
    }
)


def _modifies_noun(text: str, end: int) -> bool:
    """True when the word after an adjective is a noun it describes ("flexible hours")."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).lower() not in _STILL_ABOUT_THE_PERSON


def _strict_ok(text: str, start: int, end: int, entry: AliasEntry) -> bool:
    """A strict alias must be a short list item or a name inside a sentence, not glued
    to "&", "-" or an initial's dot."""
    if _YEAR_AFTER.match(text, end):  # "Spring 2019", "Go 2020" are not skills
        return False
    if not (_is_list_item(text, start, end, max_words=3) or _in_sentence(text, start, end)):
        return False
    if len(entry.surface) > 2:
        return True
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in _GLUE or after in "&-'’":
        return False
    if after == ".":  # "R. Smith", "C.V." - a dot is fine only at the end of a line
        rest = text[end + 1 : end + 3]
        return rest == "" or rest[0] == "\n"
    return True


_WORD_BEFORE = re.compile(r"(?:[^\W_]|,)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+\b")


def _in_sentence(text: str, start: int, end: int) -> bool:
    """True when a capitalised word stands inside a sentence, after another word or a
    comma ("built in Go and Python", "Wrote React components"), so the capital marks a
    name, not the start of a sentence or line ("React quickly..."). A capitalised word
    after it makes it part of a longer name ("Ruby Tuesday", "Julia Roberts")."""
    before = text[max(0, start - 3) : start]
    return _WORD_BEFORE.search(before) is not None and _WORD_AFTER.match(text, end) is None


_WINDOW = 400  # a "line" longer than this (a pasted paragraph) is cut to a window


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line around [start, end), at most _WINDOW characters either side, so that
    the cost per mention does not grow with the length of a paragraph."""
    floor = max(0, start - _WINDOW)
    nl = text.rfind("\n", floor, start)
    lo = nl + 1 if nl >= 0 else floor
    ceiling = min(len(text), end + _WINDOW)
    nl = text.find("\n", end, ceiling)
    return lo, nl if nl >= 0 else ceiling


def _find_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _is_list_item(text: str, start: int, end: int, max_words: int = 4) -> bool:
    """True when the match is a short item: a short line or a short part of a list line.

    Lines are cut at list separators (",", ";", "|", bullets, ":"); "and"/"or" cut
    only a line that is already a list, so prose like "payment and logistics
    platforms" does not turn "logistics platforms" into an item.
    """
    lo, hi = line_bounds(text, start, end)
    line = text[lo:hi]
    if len(_BULLET.sub("", line).split()) <= max_words:
        return True
    splitter = _LIST_SPLIT if _is_list_line(line) else _HARD_SPLIT
    seg_lo, seg_hi = lo, hi
    for m in splitter.finditer(line):
        pos = lo + m.start()
        if pos + len(m.group()) <= start:
            seg_lo = pos + len(m.group())
        elif pos >= end:
            seg_hi = pos
            break
    return len(text[seg_lo:seg_hi].split()) <= max_words


def _is_list_line(line: str) -> bool:
    """True for a line of short items ("Kitchen management | Rostering | HACCP"), not a
    sentence with a comma or two in it ("Stamp and seal roadway and drainage plans;
    QA/QC for a team of 7"): a short line with a separator (a bullet counts), or a
    longer one cut in several places, most of its parts short."""
    if _SENTENCE.search(line):
        return False
    cuts = len(_HARD_SPLIT.findall(line))
    if cuts == 0:
        return False
    if len(line.split()) <= 10:
        return True
    parts = [p for p in _HARD_SPLIT.split(line) if p.strip()]
    return cuts >= 2 and sum(len(p.split()) <= 4 for p in parts) * 2 > len(parts)


def has_context(candidate, found, text: str) -> bool:
    """A related skill on the same line; for a strict alias also on a neighbouring line
    (a list of tools is often split over lines)."""
    entry, start, end = candidate
    lo, hi = line_bounds(text, start, end)
    if entry.mode == STRICT:
        lo = text.rfind("\n", 0, max(lo - 1, 0)) + 1 if lo > 0 else 0
        hi = _find_end(text, hi + 1) if hi < len(text) else hi
    for other, s, _ in found:
        if (
            lo <= s < hi
            and other.skill_id != entry.skill_id
            and other.mode not in DEFERRED
            and other.category in entry.context
        ):
            return True
    return False
