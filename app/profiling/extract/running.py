"""Running headers and footers: text that belongs to the page, not to the CV.

A later page often starts with the name again and "Page 2", which then reads as
part of the entry that runs on from the page before. The top and bottom lines of
each page (two at each end, the outer one first) are dropped when they are:

- a page number alone ("2", "- 2 -", "Page 2 of 3", "2/3"), on any page;
- a line ending or starting with this page's number ("Jane Doe — Page 2", "Jane
  Doe    2"), on any page but the first, where the name may be written only there;
- the same text (numbers aside) at the same height on two or more pages, except
  on the first page.
"""

from __future__ import annotations

import re

from app.profiling.extract.lines import Line

SAME_PLACE = 3.0  # points: a running line sits at the same height on every page
EDGE_LINES = 2  # lines looked at at the top and at the bottom of each page

_NUMBER = r"(?:page|p\.|pg\.?|seite|página|pagina)?\s*(\d{1,3})(?:\s*(?:of|/|von|de|di)\s*\d{1,3})?"
_NUMBER_ONLY = re.compile(rf"[-–—(\s]*{_NUMBER}[-–—)\s]*", re.I)
# The number at either end of the line, set apart by a comma, a dash, a bar, a dot or a
# wide gap.
_NUMBER_AT_END = re.compile(rf"(?:.*?(?:\s*,|\s[-–—|·•]|\s{{3}})\s*|){_NUMBER}\s*", re.I)
_NUMBER_AT_START = re.compile(rf"{_NUMBER}(?:,|\s[-–—|·•]|\s{{3}}).*", re.I)
_PAGE_WORD = re.compile(r"\b(?:page|p\.|pg\.?|seite|página|pagina)\s*\d", re.I)
_DIGITS = re.compile(r"\d+")


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without their running headers, footers and page numbers."""
    numbered: set[tuple[int, int]] = set()
    seen: list[tuple[str, str, float, int, int]] = []  # edge, text, height, page, line
    for page, lines in enumerate(pages):
        for edge, order in _edges(lines).items():
            for i in order:
                text = lines[i][0].strip()
                if _NUMBER_ONLY.fullmatch(text) or (page > 0 and _page_number(text) == page + 1):
                    numbered.add((page, i))
                elif len(text) > 1:
                    y = lines[i][1][3] if edge == "top" else lines[i][1][1]
                    seen.append((edge, _DIGITS.sub("#", " ".join(text.split())), y, page, i))
    repeated = {
        (page, i)
        for edge, text, y, page, i in seen
        if page > 0 and any(_same(edge, text, y, page, other) for other in seen)
    }
    drop = set()
    for page, lines in enumerate(pages):
        for order in _edges(lines).values():
            for i in order:  # from the edge inwards: a running line has only such lines outside
                if (page, i) not in numbered and (page, i) not in repeated:
                    break
                drop.add((page, i))
    return [
        [line for i, line in enumerate(lines) if (page, i) not in drop]
        for page, lines in enumerate(pages)
    ]


def _same(edge: str, text: str, y: float, page: int, other: tuple) -> bool:
    """Whether `other` is the same running line on another page."""
    e, t, y2, p, _ = other
    return e == edge and t == text and abs(y2 - y) <= SAME_PLACE and p != page


def _edges(lines: list[Line]) -> dict[str, list[int]]:
    """The EDGE_LINES highest and lowest lines of the page, from the edge inwards."""
    placed = [i for i, (text, box) in enumerate(lines) if text.strip() and box[3] > box[1]]
    return {
        "top": sorted(placed, key=lambda i: -lines[i][1][3])[:EDGE_LINES],
        "bottom": sorted(placed, key=lambda i: lines[i][1][1])[:EDGE_LINES],
    }


def _page_number(text: str) -> int | None:
    """The page number at either end of the line ("Page 2", or a number set apart)."""
    for pattern in (_NUMBER_AT_END, _NUMBER_AT_START):
        match = pattern.fullmatch(text)
        if match and (_PAGE_WORD.search(text) or "   " in text):
            return int(match.group(1))
    return None
