"""Fast, precise skill spotting in free text.

Text is cut into tokens once (see `skill_tokens`); aliases are token sequences
in a dict keyed by their first token, so each token costs one dict lookup.
Offsets always point into the original text. Aliases that are ordinary words
count only where `skill_rules` accepts them.

Phrases that hold a skill's words but never claim it (job-ad boilerplate such
as "equal opportunity employer", idioms such as "is a plus") are indexed as
`STOP` entries: when one matches, its words are consumed and nothing is found.
"""

from __future__ import annotations

import re

from app.profiling.skill_rules import DEFERRED, STOP, AliasEntry, accept, has_context
from app.profiling.skill_tokens import SKIP, alias_keys, tokenize, verb_key, verb_keys


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
            hit = by_light.get(key, SKIP)
            if hit is SKIP:
                hit = multi.get(verb_key(key))
                if len(by_light) < 200_000:
                    by_light[key] = hit
            if hit is not None:
                if heavy is None:
                    heavy = verb_keys(keys)
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
            found.extend(s for s in strict if has_context(s, found, text))
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
        entry = accept(entries, text, start, end, strict)
        if entry is not None:
            if entry.mode != STOP:
                found.append((entry, start, end))
            return size
        return size if any(e.mode in DEFERRED for e in entries) else 0


class _Cursor:
    """Character spans of token runs."""

    def __init__(self, matches: list[re.Match[str]]) -> None:
        self.matches = matches

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.matches[first].start(), self.matches[last].end()
