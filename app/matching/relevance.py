"""Text relevance between the profile text and a posting, without a model.

BM25's term-frequency saturation and length normalisation on the posting side, with the
profile's most frequent content words as the query. There is deliberately no IDF from
the batch of postings: a posting's score must not change because other postings came or
went (reruns only rescore what changed). Stop words and job-ad boilerplate are dropped
instead, which removes most of what IDF would have discounted.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

_WORD_RE = re.compile(r"[a-z][a-z0-9+#]*(?:\.[a-z]+)?")

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    etc few for from further get had has have having he her here hers him his how i if in
    into is it its itself just let me more most my no nor not now of off on once only or
    other our ours out over own per same she should so some such than that the their them
    then there these they this those through to too under until up us very via was we were
    what when where which while who whom why will with would you your yours yourself
    within without across able well new using use used including include includes e.g i.e
    ability strong excellent good great plus nice must years year experience experienced
    work working works team teams role roles job jobs company companies candidate
    candidates opportunity opportunities position positions responsibilities
    responsibility requirements required requirement skills skill knowledge understanding
    looking join help make ensure support day days time based like one two three least
    apply application equal employer benefits benefit salary offer offers people world
    environment part full best high within every first way ways what's we're you'll you're
    we'll it's""".split()  # noqa: SIM905
)
K1 = 1.2
B = 0.75
AVG_DOC_WORDS = 450.0  # all words of a typical posting; fixed, not taken from the batch
QUERY_TERMS = 40


def words(text: str) -> list[str]:
    """Lower-case content words (stop words dropped, simple plural trimmed)."""
    out = []
    for w in _WORD_RE.findall(text.lower()):
        if len(w) < 2 or w in STOP_WORDS:
            continue
        if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        out.append(w)
    return out


@dataclass(frozen=True, slots=True)
class Query:
    """The profile side, built once: term -> weight (1 + log tf), top ``QUERY_TERMS``."""

    weights: dict[str, float]
    total: float

    @classmethod
    def from_text(cls, text: str, *, extra_terms: list[str] | tuple[str, ...] = ()) -> Query:
        counts = Counter(words(text))
        for term in extra_terms:  # skill and title words always count
            for w in words(term):
                counts[w] += 2
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:QUERY_TERMS]
        weights = {t: 1.0 + math.log(c) for t, c in top}
        return cls(weights, sum(weights.values()))


@dataclass(frozen=True, slots=True)
class DocTerms:
    """The posting side: raw word counts (only query terms are ever looked up, so stop
    words are not filtered here; that keeps this at C speed)."""

    counts: Counter[str]
    length: int

    @classmethod
    def from_text(cls, text: str) -> DocTerms:
        counts = Counter(_WORD_RE.findall(text.lower()))
        return cls(counts, sum(counts.values()))


def relevance(query: Query, doc: DocTerms) -> tuple[float, list[str]]:
    """A 0..1 relevance and the shared terms that weigh most (for the reasons)."""
    if not query.weights or not doc.length:
        return 0.0, []
    norm = K1 * (1 - B + B * doc.length / AVG_DOC_WORDS)
    got = 0.0
    shared: list[tuple[float, str]] = []
    counts = doc.counts
    for term, weight in query.weights.items():
        tf = counts.get(term, 0) + counts.get(term + "s", 0)  # query terms are singular
        if tf:
            part = weight * tf * (K1 + 1) / (tf + norm) / (K1 + 1)
            got += part
            shared.append((part, term))
    shared.sort(key=lambda x: (-x[0], x[1]))
    return got / query.total, [t for _, t in shared[:6]]
