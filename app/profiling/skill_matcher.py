"""Fast, precise skill spotting in free text.

Text is cut into tokens once (one regex pass); aliases are token sequences in
a dict keyed by their first token, so each token costs one dict lookup. Keys
are lower-cased, ligatures folded (NFKC), plurals trimmed, "&" read as "and",
hyphens ignored and words split by a line-end hyphen joined again ("Java-\\n
Script" is "JavaScript"). Offsets always point into the original text.

Aliases that are ordinary words need more than a dictionary hit:
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

Phrases that hold a skill's words but never claim it (job-ad boilerplate such
as "equal opportunity employer", idioms such as "is a plus") are indexed as
`STOP` entries: when one matches, its words are consumed and nothing is found.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PLAIN, CASED, STRICT, WEAK, ADJECTIVE, STOP, RELATED = 0, 1, 2, 3, 4, 5, 6
_DEFERRED = (STRICT, RELATED)  # kept only when a related skill is found nearby

_TOKEN = re.compile(
    r"[^\s@]+@[^\s@]+\.\w+|https?://\S+|www\.\S+"  # skipped: e-mail addresses, URLs
    r"|[^\W_]+(?:-[ \t]*\n[ \t]*[^\W_]+)*"  # words, rejoined across a line-end hyphen
    r"|\+\+|[+#./&]"  # symbols inside skill names: C++, C#, Node.js, A/P, P&L
    r"|\n[ \t]*\n|[;|•·▪●◦‣►■➢✓✔:()\[\]]|\n[ \t]*[-–—*][ \t]"  # stops
)
_SENTENCE = re.compile(r"[a-z]\.\s+[A-Z]")
_HARD_SPLIT = re.compile(r"[,;|•·▪●◦‣►■➢✓✔:()/]|\s[-–—]\s")
_LIST_SPLIT = re.compile(r"[,;|•·▪●◦‣►■➢✓✔:()/]|\.\s|\s(?:[-–—]|and|or|&)\s")
_BULLET = re.compile(r"^[\s\-–—*•·▪●◦‣►■➢✓✔o]+(?=\S)")
_GLUE = "&-.'’"


@dataclass(frozen=True)
class AliasEntry:
    skill_id: str
    category: str
    mode: int
    surface: str
    context: frozenset[str]


def _stem(word: str) -> str:
    if len(word) > 3 and word[-1] == "s":
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word[-2] not in "siu'":
            return word[:-1]
    return word


_STOP_CHARS = frozenset(";|•·▪●◦‣►■➢✓✔:()[]")
_KEY_CACHE: dict[str, str | None] = {}
_SKIP = "\x00skip"  # cache value for e-mail addresses and URLs


def _compute_key(token: str) -> str | None:
    first = token[0]
    if first == "\n" or first in _STOP_CHARS:
        return None
    if first in "+#./&":
        return "and" if token == "&" else token
    if "@" in token or token.startswith(("http", "www.")):
        return _SKIP
    key = token
    if "-" in key or "\n" in key:
        key = re.sub(r"[-\s]+", "", key)
    if not key.isascii():
        key = unicodedata.normalize("NFKC", key)
    return _stem(key.lower())


def word_key(word: str) -> str | None:
    key = _KEY_CACHE.get(word, _SKIP)
    if key is _SKIP and word not in _KEY_CACHE:
        key = _compute_key(word)
        if len(_KEY_CACHE) < 200_000:
            _KEY_CACHE[word] = key
    return key


def verb_key(key: str | None) -> str | None:
    """A light key with "-ing"/"-ed" and a final "e" removed: "arranged", "arrange" and
    "arranging" share "arrang". Used only inside multi-word aliases, where the other
    words keep it precise ("administer medication" = "administered medications")."""
    if key is None or key is _SKIP:
        return key
    heavy = _VERB_CACHE.get(key)
    if heavy is None:
        heavy = key
        if heavy.endswith("ing") and len(heavy) > 5:
            heavy = heavy[:-3]
        elif heavy.endswith("ed") and len(heavy) > 4:
            heavy = heavy[:-2]
        if len(heavy) > 3 and heavy[-1] == heavy[-2] and heavy[-1] not in "aeiouls":
            heavy = heavy[:-1]  # "planned" -> "plan"
        if len(heavy) > 3 and heavy[-1] == "e":
            heavy = heavy[:-1]
        if len(_VERB_CACHE) < 200_000:
            _VERB_CACHE[key] = heavy
    return heavy


_VERB_CACHE: dict[str, str] = {}


def tokenize(text: str) -> tuple[list[re.Match[str]], list[str | None]]:
    """Token matches and their keys (None for a stop such as ';' or a blank line).

    One C-level regex pass; keys come from a cache, so a warm call costs about
    one dict lookup per token. Offsets are read from the matches only for hits.
    """
    matches = list(_TOKEN.finditer(text))
    get = _KEY_CACHE.get
    keys = [get(m.group(), _SKIP) for m in matches]
    for i, key in enumerate(keys):
        if key is _SKIP:
            keys[i] = word_key(matches[i].group())
    return matches, keys


def alias_keys(alias: str) -> tuple[str, ...]:
    """Light keys for a one-word alias, verb keys for a longer one."""
    _, keys = tokenize(alias)
    seq = tuple(k for k in keys if k is not None and k is not _SKIP)
    return seq if len(seq) == 1 else tuple(verb_key(k) for k in seq)


class SkillIndex:
    """One-word aliases by key; longer ones by first verb key, then by length."""

    def __init__(self) -> None:
        self._single: dict[str, list[AliasEntry]] = {}
        # light key -> its multi-word bucket (or None); saves a verb_key call per token
        self._multi_by_light: dict[str, object] = {}
        # first verb key -> (lengths, longest first; {verb-key sequence: entries})
        self._multi: dict[str, tuple[list[int], dict[tuple[str, ...], list[AliasEntry]]]] = {}

    def add(self, alias: str, entry: AliasEntry) -> None:
        seq = alias_keys(alias)
        if not seq:
            return
        if len(seq) == 1:
            entries = self._single.setdefault(seq[0], [])
        else:
            sizes, seqs = self._multi.setdefault(seq[0], ([], {}))
            entries = seqs.setdefault(seq, [])
            if len(seq) not in sizes:
                sizes.append(len(seq))
                sizes.sort(reverse=True)
        if all(e.skill_id != entry.skill_id or e.surface != entry.surface for e in entries):
            entries.append(entry)
            # A stop phrase is tried before any alias with the same words.
            entries.sort(key=lambda e: e.mode != STOP)

    def scan(self, text: str) -> list[tuple[AliasEntry, int, int]]:
        """All accepted (entry, start, end) in text order."""
        matches, keys = tokenize(text)
        n = len(keys)
        heavy: list[str | None] | None = None
        found: list[tuple[AliasEntry, int, int]] = []
        strict: list[tuple[AliasEntry, int, int]] = []
        single, multi, by_light = self._single, self._multi, self._multi_by_light
        cursor = _Cursor(matches)
        i = 0
        while i < n:
            first = i
            i += 1
            key = keys[first]
            if key is None:
                continue
            hit = by_light.get(key, _SKIP)
            if hit is _SKIP:
                hit = multi.get(verb_key(key))
                if len(by_light) < 200_000:
                    by_light[key] = hit
            if hit is not None:
                if heavy is None:
                    vget = _VERB_CACHE.get
                    heavy = [vget(k) if k is not None else None for k in keys]
                    for j, h in enumerate(heavy):
                        if h is None and keys[j] is not None:
                            heavy[j] = verb_key(keys[j])
                sizes, seqs = hit
                step = 0
                for size in sizes:
                    if first + size > n:
                        continue
                    entries = seqs.get(tuple(heavy[first : first + size]))
                    if entries is None:
                        continue
                    if self._overlapped(heavy, first, size, n):
                        break  # "Managed accounts payable": "accounts payable" wins
                    step = self._try(entries, text, cursor, first, size, found, strict)
                    if step:
                        break
                if step:
                    i = first + step
                    continue
            entries = single.get(key)
            if entries is not None:
                self._try(entries, text, cursor, first, 1, found, strict)
        if strict:
            found.extend(s for s in strict if _has_context(s, found, text))
            found.sort(key=lambda item: item[1])
        return found

    def _overlapped(self, heavy, first: int, size: int, n: int) -> bool:
        """True when an alias starting inside this match runs past it and is as long."""
        for j in range(first + 1, first + size):
            hit = self._multi.get(heavy[j]) if heavy[j] is not None else None
            if hit is None:
                continue
            for other in hit[0]:
                if (
                    other >= size
                    and first + size < j + other <= n
                    and tuple(heavy[j : j + other]) in hit[1]
                ):
                    return True
        return False

    @staticmethod
    def _try(entries, text, cursor, first, size, found, strict) -> int:
        """Tokens consumed (0 when the alias does not count here)."""
        start, end = cursor.span(first, first + size - 1)
        entry = _accept(entries, text, start, end, strict)
        if entry is not None:
            if entry.mode != STOP:
                found.append((entry, start, end))
            return size
        return size if any(e.mode in _DEFERRED for e in entries) else 0


class _Cursor:
    """Character spans of token runs."""

    def __init__(self, matches: list[re.Match[str]]) -> None:
        self.matches = matches

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.matches[first].start(), self.matches[last].end()


def _accept(entries, text, start, end, strict) -> AliasEntry | None:
    surface = None
    for entry in entries:
        if entry.mode == PLAIN or entry.mode == STOP:
            return entry
        if surface is None:
            surface = " ".join(text[start:end].split())
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
    is_list = len(_HARD_SPLIT.findall(line)) >= 2 or (
        _HARD_SPLIT.search(line) is not None and len(line.split()) <= 10
    )
    splitter = _LIST_SPLIT if is_list and not _SENTENCE.search(line) else _HARD_SPLIT
    seg_lo, seg_hi = lo, hi
    for m in splitter.finditer(line):
        pos = lo + m.start()
        if pos + len(m.group()) <= start:
            seg_lo = pos + len(m.group())
        elif pos >= end:
            seg_hi = pos
            break
    return len(text[seg_lo:seg_hi].split()) <= max_words


def _has_context(candidate, found, text: str) -> bool:
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
            and other.mode not in _DEFERRED
            and other.category in entry.context
        ):
            return True
    return False
