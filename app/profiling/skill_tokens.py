"""Text cut into tokens, and the keys under which aliases are looked up.

Text is cut into tokens once (one regex pass). Keys are lower-cased, ligatures
folded (NFKC), plurals trimmed, "&" read as "and", hyphens ignored and words
split by a line-end hyphen joined again ("Java-\\n Script" is "JavaScript").
Words of a multi-word alias are compared by verb key, which also drops "-ing"
and "-ed" ("administered medications" is "administer medication").
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(
    r"[^\s@]+@[^\s@]+\.\w+|https?://\S+|www\.\S+"  # skipped: e-mail addresses, URLs
    r"|[^\W_]+(?:-[ \t]*\n[ \t]*[^\W_]+)*"  # words, rejoined across a line-end hyphen,
    r"(?:(?:\.[A-Za-z0-9-]+){2,}(?:/\S*)?"  # or host names, skipped: "me.github.io",
    r"|\.(?:com|org|net|io|dev|co|me|ai|app|edu|gov|uk|se|de|ie|ca|au)/\S*)?"  # "x.com/me"
    r"|\+\+|[+#./&]"  # symbols inside skill names: C++, C#, Node.js, A/P, P&L
    r"|\n[ \t]*\n|[;|•·▪●◦‣►■➢✓✔:()\[\]]|\n[ \t]*[-–—*][ \t]"  # stops
)


def _stem(word: str) -> str:
    if len(word) > 3 and word[-1] == "s":
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word[-2] not in "siu'":
            return word[:-1]
    return word


_STOP_CHARS = frozenset(";|•·▪●◦‣►■➢✓✔:()[]")
_KEY_CACHE: dict[str, str | None] = {}
_VERB_CACHE: dict[str, str] = {}
SKIP = "\x00skip"  # cache value for e-mail addresses and URLs


def _compute_key(token: str) -> str | None:
    first = token[0]
    if first == "\n" or first in _STOP_CHARS:
        return None
    if first in "+#./&":
        return "and" if token == "&" else token
    if "@" in token or "." in token or token.startswith("http"):  # e-mail, URL, host name
        return SKIP
    key = token
    if "-" in key or "\n" in key:
        key = re.sub(r"[-\s]+", "", key)
    if not key.isascii():
        key = unicodedata.normalize("NFKC", key)
    return _stem(key.lower())


def word_key(word: str) -> str | None:
    key = _KEY_CACHE.get(word, SKIP)
    if key is SKIP and word not in _KEY_CACHE:
        key = _compute_key(word)
        if len(_KEY_CACHE) < 200_000:
            _KEY_CACHE[word] = key
    return key


def verb_key(key: str | None) -> str | None:
    """A light key with "-ing"/"-ed" and a final "e" removed: "arranged", "arrange" and
    "arranging" share "arrang". Used only inside multi-word aliases, where the other
    words keep it precise ("administer medication" = "administered medications")."""
    if key is None or key is SKIP:
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


def verb_keys(keys: list[str | None]) -> list[str | None]:
    """`verb_key` of every key, read from the cache where it can."""
    vget = _VERB_CACHE.get
    heavy = [vget(k) if k is not None else None for k in keys]
    for j, h in enumerate(heavy):
        if h is None and keys[j] is not None:
            heavy[j] = verb_key(keys[j])
    return heavy


def tokenize(text: str) -> tuple[list[re.Match[str]], list[str | None]]:
    """Token matches and their keys (None for a stop such as ';' or a blank line).

    One C-level regex pass; keys come from a cache, so a warm call costs about
    one dict lookup per token. Offsets are read from the matches only for hits.
    """
    matches = list(_TOKEN.finditer(text))
    get = _KEY_CACHE.get
    keys = [get(m.group(), SKIP) for m in matches]
    for i, key in enumerate(keys):
        if key is SKIP:
            keys[i] = word_key(matches[i].group())
    return matches, keys


def alias_keys(alias: str) -> tuple[str, ...]:
    """Light keys for a one-word alias, verb keys for a longer one."""
    _, keys = tokenize(alias)
    seq = tuple(k for k in keys if k is not None and k is not SKIP)
    return seq if len(seq) == 1 else tuple(verb_key(k) for k in seq)
