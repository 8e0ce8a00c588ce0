"""Title, company and place in the header line(s) of one experience entry.

Header lines are cut into parts at separators ("|", " - ", a gap of spaces, "at",
commas) and the parts are told apart by their head noun (see `title_or_org`), by
a known job title and by a place ("Leeds", "Birmingham, AL"), which follows the
employer. Brackets qualify the part before them ("Amazon (BHX4)"): they are not
parts. A slash joins two names of one job ("Sales Associate / Keyholder") or
separates two parts ("Engineer / Google"). A legal form after a comma is part of
the name before it ("Rosenthal & Park, P.C.").

Parts written after the title on its line, before the employer or with the
employer on a line of its own, belong to the title: "President, North America
Personal Care" under "COLGATE-PALMOLIVE   New York, NY"; "Independent Director,
Audit Committee Member — Hain Celestial Group".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.profiling.parse.places import _PAIR, is_place, place_name
from app.profiling.parse.title_or_org import RANK_HEADS, head_noun, is_org, title_score
from app.profiling.taxonomy import Taxonomy

# Heads of the units of an organisation ("Department of Chemistry", "Research Centre")
_UNITS = {"department", "dept", "faculty", "division", "centre", "center", "institute", "unit",
          "laboratory", "lab", "labs"}  # fmt: skip
_NOT_PLACE = {"team", "unit", "ward", "division", "office", "branch", "site", "project", "shift"}
_CHUNKS = re.compile(r"\s*(?:[|•·▪●◦]|–|—|\s-\s|\s{2,}|\(|\))\s*")
# A legal form after a comma ends the name before it: "Acme Widgets, Inc., Dayton, OH"
_LEGAL_FORM = (
    r"(?:Inc|INC|Ltd|LTD|Limited|LLC|LLP|PLLC|PLC|plc|P\.C|PC|P\.A|L\.P|LP|Corp|CORP|Co"
    r"|GmbH|AG|S\.A|SA|S\.L|B\.V|BV|N\.V|Pty(?: Ltd)?|S\.r\.l|SRL|S\.p\.A|SpA|SARL)\.?"
)
_SPLIT = re.compile(rf"\s*(?:,(?!\s*{_LEGAL_FORM}(?:\s*,|\s*$))|\bat\b|@)\s*")
_STRIP = " :-–/"
# "(Year 4)", "(BHX4)", "(contract)" qualify the part before them; "(Poland)" may be a place.
_PAREN = re.compile(r"\s*\(([^()]*)\)(?P<end>\s*(?:$|[,|;•·▪–—]|\s-\s))?")
_ALTERNATIVES = re.compile(r"\s+/\s+")


@dataclass
class _Fragment:
    text: str
    line: int  # which header line, and where in it (with its qualifiers dropped)
    span: tuple[int, int]
    before_place: bool = False  # "Target, Houston, TX": the name a place follows is the employer


def read_header(
    texts: list[str], taxonomy: Taxonomy, *, continued: bool = False
) -> tuple[str | None, str | None, str | None]:
    """Title, company and location of header lines whose dates are removed.

    Cues in order of strength: the head noun of a title ("... Engineer II", "Head of
    ...") or of an organisation ("... Ltd", "University of ..."); a known job title;
    the place that follows an employer ("Zillow — Seattle, WA"); and last, the order
    in which CVs usually write them (title, then company).

    `continued`: the entry is a further role at the employer above it, so a rank's
    function after a comma is no employer ("Vice President, Global Supply Chain").
    """
    fragments, location, lines = _fragments(texts, taxonomy)
    scored = [(title_score(f.text, taxonomy), not f.before_place, -i, f)
              for i, f in enumerate(fragments)]  # fmt: skip
    best = max(scored, key=lambda s: s[:3], default=None)
    title_frag = best[3] if best and best[0] > 0 else None
    rest = [f for f in fragments if f is not title_frag]
    company_frag = _parent(next((f for f in rest if is_org(f.text)), None), rest) or next(
        (f for f in rest if f.before_place), None
    )
    if continued and title_frag and head_noun(title_frag.text) in RANK_HEADS:
        if company_frag is not None and not is_org(company_frag.text, strict=True):
            company_frag = None
        if company_frag is None:  # all the line but the place is the title
            title_frag = _join(title_frag, [f for f in rest if f.line == title_frag.line], lines)
            rest = [f for f in rest if f.line != title_frag.line]
    elif title_frag and company_frag:
        title_frag = _join(title_frag, _title_tail(title_frag, company_frag, rest), lines)
        rest = [f for f in rest if f.line != title_frag.line or f.span[1] > title_frag.span[1]
                or f.span[0] < title_frag.span[0]]  # fmt: skip
    title = title_frag.text if title_frag else None
    company = company_frag.text if company_frag else None
    leftovers = [f.text for f in rest if f is not company_frag and not _qualifier(f.text)]
    named = (company is not None) + (title is not None) + len(leftovers)
    if location is None and named >= 3 and leftovers and _place_like(leftovers[-1], taxonomy):
        location = leftovers.pop()  # "Picker, DHL Supply Chain, Northampton": the town is last
    if title is None and leftovers:
        title = leftovers.pop(0)
    if company is None and leftovers:
        company = leftovers.pop(0)
    return title, company, place_name(location) if location else None


def _qualifier(text: str) -> bool:
    """ "(contract)", "part-time", "#2": lower-case words qualify the job; no name."""
    return text[0].islower() or bool(re.fullmatch(r"[\d\W]+", text))


def _parent(org: _Fragment | None, rest: list[_Fragment]) -> _Fragment | None:
    """The employer of which `org` is a unit, when it follows: "School of Chemistry,
    University of Leeds", "Lancaster Environment Centre, Lancaster University"."""
    while org is not None and _is_unit(org.text):
        later = [f for f in rest if f.line == org.line and f.span[0] >= org.span[1]]
        nxt = min(later, key=lambda f: f.span, default=None)
        if nxt is None or not is_org(nxt.text):
            break
        org = nxt
    return org


def _is_unit(name: str) -> bool:
    head = head_noun(name)
    return head in _UNITS or (head == "school" and " of " in name)


def _title_tail(title: _Fragment, company: _Fragment, rest: list[_Fragment]) -> list[_Fragment]:
    """The parts after the title on its line that name its function, not the employer:
    up to the employer when it is on the same line, else to the end of the line."""
    tail = []
    for f in sorted(rest, key=lambda f: f.span):
        if f.line != title.line or f.span[0] < title.span[1]:
            continue
        if f is company or is_org(f.text, strict=True) or _is_unit(f.text) or _qualifier(f.text):
            break  # the employer, a unit of it, or "(contract)"
        tail.append(f)
    if company.line == title.line and company.span[0] < title.span[0]:
        return []  # "Google — Engineer, Payments": the title ends the line, as written
    return tail


def _join(title: _Fragment, tail: list[_Fragment], lines: list[str]) -> _Fragment:
    """The title with the parts after it on its line, as written between them."""
    after = [f for f in tail if f.span[0] >= title.span[1]]
    if not after:
        return title
    end = max(f.span[1] for f in after)
    text = lines[title.line][title.span[0] : end].strip(" ,;|-–—")
    return _Fragment(" ".join(text.split()), title.line, (title.span[0], end))


def _fragments(
    texts: list[str], taxonomy: Taxonomy
) -> tuple[list[_Fragment], str | None, list[str]]:
    """The named parts of header lines (qualifiers removed), the place, and the lines as
    the parts' spans refer to them."""
    fragments: list[_Fragment] = []
    location = None
    lines = []
    for li, text in enumerate(texts):
        text = _drop_qualifiers(text)
        lines.append(text)
        cursor = 0
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
                for name in _alternatives(piece, taxonomy):
                    start = text.find(name, cursor)
                    start = cursor if start < 0 else start
                    cursor = start + len(name)
                    if len(name.strip(" .")) > 1:
                        parts.append(_Fragment(name, li, (start, cursor)))
            if place is not None:
                location = place
                if parts:
                    parts[-1].before_place = True
        fragments += parts
    return fragments, location, lines


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


def _place_like(frag: str, taxonomy: Taxonomy) -> bool:
    """A town the gazetteer does not know: one to three capitalised words, no organisation
    and no job ("Audit Committee Member" is a role)."""
    words = frag.split()
    if not 1 <= len(words) <= 3 or is_org(frag) or _NOT_PLACE & {w.lower() for w in words}:
        return False
    return all(w[0].isupper() and w.isalpha() for w in words) and not title_score(frag, taxonomy)


def _trailing_place(chunk: str) -> tuple[str | None, str]:
    """ "ACME Corp, New York, NY" -> ("New York, NY", "ACME Corp"). Places come last."""
    parts = [p.strip() for p in chunk.split(",")]
    for i in range(len(parts) - 2, -1, -1):
        pair = f"{parts[i]}, {parts[i + 1]}"
        m = _PAIR.fullmatch(pair)
        if m and not is_org(parts[i]) and (m.group("region") or is_place(pair)):
            return pair, ", ".join(parts[:i] + parts[i + 2 :])
    return None, chunk
