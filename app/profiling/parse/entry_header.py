"""Title, company and place in the header line(s) of one experience entry.

Header lines are cut into parts at separators ("|", " - ", "at", commas) and
the parts are told apart by their head noun (see `title_or_org`), by a known
job title and by a place ("Leeds", "Birmingham, AL"), which follows the
employer. Brackets qualify the part before them ("Amazon (BHX4)"): they are not
parts. A slash joins two names of one job ("Sales Associate / Keyholder") or
separates two parts ("Engineer / Google").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.profiling.parse.places import _PAIR, is_place
from app.profiling.parse.title_or_org import is_org, title_score
from app.profiling.taxonomy import Taxonomy

_NOT_PLACE = {"team", "unit", "ward", "division", "office", "branch", "site", "project", "shift"}
_CHUNKS = re.compile(r"\s*(?:[|•·▪●◦]|–|—|\s-\s|\s{2,}|\(|\))\s*")
_SPLIT = re.compile(r"\s*(?:,|\bat\b|@)\s*")
_STRIP = " :-–/"
# "(Year 4)", "(BHX4)", "(contract)" qualify the part before them; "(Poland)" may be a place.
_PAREN = re.compile(r"\s*\(([^()]*)\)(?P<end>\s*(?:$|[,|;•·▪–—]|\s-\s))?")
_ALTERNATIVES = re.compile(r"\s+/\s+")


@dataclass
class _Fragment:
    text: str
    before_place: bool = False  # "Target, Houston, TX": the name a place follows is the employer


def read_header(texts: list[str], taxonomy: Taxonomy) -> tuple[str | None, str | None, str | None]:
    """Title, company and location of header lines whose dates are removed.

    Cues in order of strength: the head noun of a title ("... Engineer II", "Head of
    ...") or of an organisation ("... Ltd", "University of ..."); a known job title;
    the place that follows an employer ("Zillow — Seattle, WA"); and last, the order
    in which CVs usually write them (title, then company).
    """
    fragments, location = _fragments(texts, taxonomy)
    scored = [(title_score(f.text, taxonomy), not f.before_place, -i, f)
              for i, f in enumerate(fragments)]  # fmt: skip
    best = max(scored, key=lambda s: s[:3], default=None)
    title_frag = best[3] if best and best[0] > 0 else None
    rest = [f for f in fragments if f is not title_frag]
    company_frag = next((f for f in rest if is_org(f.text)), None) or next(
        (f for f in rest if f.before_place), None
    )
    title = title_frag.text if title_frag else None
    company = company_frag.text if company_frag else None
    # "(contract)", "part-time": lower-case words qualify the job, they are not names.
    leftovers = [f.text for f in rest if f is not company_frag
                 and not re.fullmatch(r"[\d\W]+", f.text) and not f.text[0].islower()]  # fmt: skip
    named = (company is not None) + (title is not None) + len(leftovers)
    if location is None and named >= 3 and leftovers and _place_like(leftovers[-1]):
        location = leftovers.pop()  # "Picker, DHL Supply Chain, Northampton": the town is last
    if title is None and leftovers:
        title = leftovers.pop(0)
    if company is None and leftovers:
        company = leftovers.pop(0)
    return title, company, location


def _fragments(texts: list[str], taxonomy: Taxonomy) -> tuple[list[_Fragment], str | None]:
    """The named parts of header lines (qualifiers removed), and the place."""
    fragments: list[_Fragment] = []
    location = None
    for text in texts:
        text = _drop_qualifiers(text)
        parts: list[_Fragment] = []  # this line's parts so far
        for chunk in _CHUNKS.split(text):
            place = None
            if location is None:
                place, chunk = _trailing_place(chunk.strip(_STRIP))
            for piece in _SPLIT.split(chunk):
                piece = piece.strip(_STRIP)
                if location is None and place is None and is_place(piece):
                    place = piece  # "Acme Ltd, Leeds, 2019 - 2020"
                    continue
                parts += [_Fragment(p) for p in _alternatives(piece, taxonomy)
                          if len(p.strip(" .")) > 1]  # fmt: skip
            if place is not None:
                location = place
                if parts:
                    parts[-1].before_place = True
        fragments += parts
    return fragments, location


def _drop_qualifiers(text: str) -> str:
    """ "Amazon (BHX4)", "Teacher (Year 4)", "(contract)": a bracket qualifies the part
    before it and is no part of its own. A place closing a part stays: "Warsaw (Poland)"."""

    def replace(m: re.Match) -> str:
        inner, end = m.group(1).strip(), m.group("end")
        return (f", {inner}" if end is not None and is_place(inner) else " ") + (end or "")

    return _PAREN.sub(replace, text)


def _alternatives(piece: str, taxonomy: Taxonomy) -> list[str]:
    """ "Sales Associate / Keyholder" is one title with two names; "Engineer / Google"
    is two parts."""
    names = [n for n in _ALTERNATIVES.split(piece) if n]
    if len(names) > 1 and all(title_score(n, taxonomy) for n in names):
        return [piece]
    return names


def _place_like(frag: str) -> bool:
    words = frag.split()
    if not 1 <= len(words) <= 3 or is_org(frag) or _NOT_PLACE & {w.lower() for w in words}:
        return False
    return all(w[0].isupper() and w.isalpha() for w in words)


def _trailing_place(chunk: str) -> tuple[str | None, str]:
    """ "ACME Corp, New York, NY" -> ("New York, NY", "ACME Corp"). Places come last."""
    parts = [p.strip() for p in chunk.split(",")]
    for i in range(len(parts) - 2, -1, -1):
        pair = f"{parts[i]}, {parts[i + 1]}"
        m = _PAIR.fullmatch(pair)
        if m and not is_org(parts[i]) and (m.group("region") or is_place(pair)):
            return pair, ", ".join(parts[:i] + parts[i + 2 :])
    return None, chunk
