"""Fast, precise skill spotting in free text.

Text is cut into tokens once (one regex pass); aliases are token sequences in
a dict keyed by their first token, so each token costs one dict lookup. Keys
are lower-cased, ligatures folded (NFKC), plurals trimmed, "&" read as "and",
hyphens ignored and words split by a line-end hyphen joined again ("Java-\\n
Script" is "JavaScript"). Offsets always point into the original text.

Aliases that are ordinary words need more than a dictionary hit:
- `cased`: exact case ("Excel" but not "excel at", "SAP" but not "sap");
- `strict`: exact case and a related skill on the same or a neighbouring line
  ("Go", "R", "C", "Word", "Outlook"), and single letters must not be glued to
  "&", "-" or "." ("R&D", "C-suite", "J. Smith");
- `weak`: counts only as a short list item ("Sales" in "Skills: Sales, POS",
  not in "increased sales by 20%").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PLAIN, CASED, STRICT, WEAK = 0, 1, 2, 3

_TOKEN = re.compile(
    r"[^\s@]+@[^\s@]+\.\w+|https?://\S+|www\.\S+"  # skipped: e-mail addresses, URLs
    r"|[^\W_]+(?:-[ \t]*\n[ \t]*[^\W_]+)*"  # words, rejoined across a line-end hyphen
    r"|\+\+|[+#./&]"  # symbols inside skill names: C++, C#, Node.js, A/P, P&L
    r"|\n[ \t]*\n|[;|•·▪●◦‣►■➢✓✔:()\[\]]|\n[ \t]*[-–—*][ \t]"  # stops
)
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


def tokenize(text: str) -> tuple[list[str], list[str | None]]:
    """Token surfaces and their keys (None for a stop such as ';' or a blank line).

    One C-level `findall`; keys come from a cache, so a warm call costs about
    one dict lookup per token. Offsets are found later, only for matches.
    """
    tokens = [t for t in _TOKEN.findall(text)]
    get = _KEY_CACHE.get
    keys = [get(t, _SKIP) for t in tokens]
    for i, key in enumerate(keys):
        if key is _SKIP:
            keys[i] = word_key(tokens[i])
    return tokens, keys


def alias_keys(alias: str) -> tuple[str, ...]:
    _, keys = tokenize(alias)
    return tuple(k for k in keys if k is not None and k is not _SKIP)


class SkillIndex:
    """Alias token sequences grouped by first token, then by length (longest first)."""

    def __init__(self) -> None:
        # first key -> (lengths, longest first; {token sequence: entries})
        self._index: dict[str, tuple[list[int], dict[tuple[str, ...], list[AliasEntry]]]] = {}

    def add(self, alias: str, entry: AliasEntry) -> None:
        seq = alias_keys(alias)
        if not seq:
            return
        sizes, seqs = self._index.setdefault(seq[0], ([], {}))
        entries = seqs.setdefault(seq, [])
        if all(e.skill_id != entry.skill_id or e.surface != entry.surface for e in entries):
            entries.append(entry)
        if len(seq) not in sizes:
            sizes.append(len(seq))
            sizes.sort(reverse=True)

    def scan(self, text: str) -> list[tuple[AliasEntry, int, int]]:
        """All accepted (entry, start, end) in text order."""
        tokens, keys = tokenize(text)
        n = len(keys)
        found: list[tuple[AliasEntry, int, int]] = []
        strict: list[tuple[AliasEntry, int, int]] = []
        index = self._index
        cursor = _Cursor(text, tokens)
        i = 0
        while i < n:
            hit = index.get(keys[i])
            i += 1
            if hit is None:
                continue
            sizes, seqs = hit
            first = i - 1
            for size in sizes:
                entries = seqs.get(tuple(keys[first : first + size]))
                if entries is None:
                    continue
                start, end = cursor.span(first, first + size - 1)
                entry = _accept(entries, text, start, end, strict)
                if entry is not None:
                    found.append((entry, start, end))
                    i = first + size
                    break
                if any(e.mode == STRICT for e in entries):
                    i = first + size
                    break
        if strict:
            found.extend(s for s in strict if _has_context(s, found, text))
            found.sort(key=lambda item: item[1])
        return found


class _Cursor:
    """Finds token offsets lazily, walking forward; tokens never overlap."""

    def __init__(self, text: str, tokens: list[str]) -> None:
        self.text, self.tokens = text, tokens
        self.index, self.pos = 0, 0

    def _start_of(self, i: int) -> int:
        text, tokens = self.text, self.tokens
        while self.index < i:
            self.pos = text.find(tokens[self.index], self.pos) + len(tokens[self.index])
            self.index += 1
        return text.find(tokens[i], self.pos)

    def span(self, first: int, last: int) -> tuple[int, int]:
        start = self._start_of(first)
        if last == first:
            return start, start + len(self.tokens[first])
        end_start = self._start_of(last)
        return start, end_start + len(self.tokens[last])


def _accept(entries, text, start, end, strict) -> AliasEntry | None:
    surface = None
    for entry in entries:
        if entry.mode == PLAIN:
            return entry
        if surface is None:
            surface = " ".join(text[start:end].split())
        if entry.mode == CASED:
            if surface == entry.surface or (len(surface) > 2 and surface == entry.surface.upper()):
                return entry
        elif entry.mode == WEAK:
            if _is_list_item(text, start, end):
                return entry
        elif surface == entry.surface and _strict_ok(text, start, end, entry):
            strict.append((entry, start, end))
            return None
    return None


_YEAR_AFTER = re.compile(r"[ \t]+(?:19|20)\d\d\b")


def _strict_ok(text: str, start: int, end: int, entry: AliasEntry) -> bool:
    """A strict alias must be a short list item, not glued to "&", "-" or an initial's dot."""
    if _YEAR_AFTER.match(text, end):  # "Spring 2019", "Go 2020" are not skills
        return False
    if not _is_list_item(text, start, end, max_words=3):
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


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return text.rfind("\n", 0, start) + 1, _find_end(text, end)


def _find_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _is_list_item(text: str, start: int, end: int, max_words: int = 4) -> bool:
    """True when the match is a short item: a short line or a short part of a list line."""
    lo, hi = line_bounds(text, start, end)
    line = text[lo:hi]
    if len(_BULLET.sub("", line).split()) <= max_words:
        return True
    seg_lo, seg_hi = lo, hi
    for m in _LIST_SPLIT.finditer(line):
        pos = lo + m.start()
        if pos + len(m.group()) <= start:
            seg_lo = pos + len(m.group())
        elif pos >= end:
            seg_hi = pos
            break
    return len(text[seg_lo:seg_hi].split()) <= max_words


def _has_context(candidate, found, text: str) -> bool:
    entry, start, end = candidate
    lo, hi = line_bounds(text, start, end)
    lo = text.rfind("\n", 0, max(lo - 1, 0)) + 1 if lo > 0 else 0
    hi = _find_end(text, hi + 1) if hi < len(text) else hi
    for other, s, _ in found:
        if (
            lo <= s < hi
            and other.skill_id != entry.skill_id
            and other.mode != STRICT
            and other.category in entry.context
        ):
            return True
    return False
