"""A PDF page's text as lines, with field gaps on a line kept visible.

PDFium's page text joins everything on a line with single spaces, so a company
and the city set flush right beside it ("ACME CORP.      Denver, CO") read as one
field. Here the text is cut into words and each word gets a box from its first
and last character, fetched by index (one or two calls a word, never a lookup by
position). Where two words on a line are further apart than any word space
(about 2 em, or 1 em several times wider than the line's other spaces), FIELD_GAP
is written between them so the parsers see two fields.

Justified text is the catch: its spaces are stretched, in a narrow column to
several em. But a justified line stretches all its spaces alike and runs from
edge to edge like its neighbours, while a field boundary stands out on its line.

The same words fill the reading-order regions (see `layout`): each word goes to
the region that holds its first character, in PDFium's order.
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_left, bisect_right
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]  # left, bottom, right, top (PDF points, y up)
# A word: start and end in the page text; left and right of the word, bottom and top of
# its first character (PDFium's loose boxes: the font's descent to its ascent).
Word = tuple[int, int, float, float, float, float]
Line = tuple[str, Box]

FIELD_GAP = "    "  # what the parsers read as a field boundary (three spaces or more)
# Gaps are measured in character heights (PDFium's loose boxes, about 1.15 em).
WIDE_GAP = 1.7  # about 2 em: wider than any word space, unless the line is justified ...
ALIKE = 1.6  # ... which stretches all its spaces alike, within this ratio
STANDOUT_GAP = 0.9  # about 1 em is a field boundary too ...
STANDOUT = 3.0  # ... when it is this many times the line's other spaces (their median)
EDGE = 2.0  # points: lines of one justified paragraph start and end level with each other

_WORD = re.compile(r"\S+")
_ALNUM = re.compile(r"\w")
_BREAK = re.compile(r"[\r\n]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


# FPDFText_GetLooseCharBox(text_page, index, FS_RECTF*) taking plain addresses: pypdfium2's
# binding checks its pointer types on every call, which costs more than the call itself.
_LOOSE_CHAR_BOX = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)(
    ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value
)


def read_words(textpage: pdfium.PdfTextPage) -> tuple[str, list[Word]]:
    """The page text as PDFium gives it, and its words with their boxes."""
    text = textpage.get_text_range()
    # PDFium counts a character beyond U+FFFF as two (a UTF-16 pair), Python as one.
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if len(text) + len(astral) != pdfium_c.FPDFText_CountChars(textpage.raw):
        return text, []  # indices would not line up with the text: keep PDFium's text as is
    handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    box = pdfium_c.FS_RECTF()
    address = ctypes.addressof(box)
    char_box = _LOOSE_CHAR_BOX
    words: list[Word] = []
    append = words.append
    for match in _WORD.finditer(text):
        start, end = match.span()
        first, last = start, end - 1  # PDFium's indices of the word's first and last characters
        if astral:
            first, last = first + bisect_left(astral, first), last + bisect_left(astral, last)
        char_box(handle, first, address)
        if first == last:
            append((start, end, box.left, box.bottom, box.right, box.top))
        else:
            left, bottom, top = box.left, box.bottom, box.top
            char_box(handle, last, address)
            append((start, end, left, bottom, box.right, top))
    return text, words


def assemble(text: str, words: list[Word], regions: list[Box] | None) -> list[Line]:
    """Lines of the page in reading order: region by region, each in PDFium's order.

    A new line starts where PDFium broke the line between two words. Within a region,
    where other regions' words come between two of its words (columns drawn line by
    line across the page), it starts where the next word is not level with the last.
    """
    if not words:
        return [(ln, (0.0, 0.0, 0.0, 0.0)) for ln in text.replace("\r\n", "\n").split("\n")]
    breaks = [m.start() for m in _BREAK.finditer(text)]
    # No gap narrower than this can be a field boundary: a quick first sieve.
    low = STANDOUT_GAP * min(w[5] - w[3] for w in words)
    if regions is None:
        return _render(text, _rows(words, range(len(words)), breaks), low)
    groups: list[list[int]] = [[] for _ in regions]
    last = 0
    left, bottom, right, top = regions[0]
    for i, word in enumerate(words):
        x, y = word[2] + 1.0, (word[3] + word[5]) / 2
        if not (left <= x <= right and bottom <= y <= top):  # not in the last word's region
            last = _region_of(x, y, regions)
            left, bottom, right, top = regions[last]
        groups[last].append(i)
    return [
        line
        for group in groups
        if group
        for line in _render(text, _rows(words, group, breaks), low)
    ]


def _region_of(x: float, y: float, regions: list[Box]) -> int:
    """The region holding the point, or the nearest one."""
    best, best_distance = 0, float("inf")
    for i, (left, bottom, right, top) in enumerate(regions):
        distance = max(left - x, x - right, 0.0) + max(bottom - y, y - top, 0.0)
        if distance == 0.0:
            return i
        if distance < best_distance:
            best, best_distance = i, distance
    return best


def _rows(words: list[Word], group, breaks: list[int]) -> list[tuple[list[Word], bool]]:
    """The words of `group` (indices into `words`, in order) cut into lines; each with
    whether its words follow one another in the page text (no other region's between)."""
    contiguous = group[-1] - group[0] == len(group) - 1
    mine = words[group[0] : group[-1] + 1] if contiguous else [words[i] for i in group]
    cuts = {bisect_left(mine, (at,)) for at in breaks}  # first word after each break
    jumps = [] if contiguous else [p for p in range(1, len(group)) if group[p] != group[p - 1] + 1]
    for p in jumps:  # other regions' words in between: PDFium's breaks tell nothing
        cuts.discard(p)
        if not _level(mine[p - 1], mine[p]):
            cuts.add(p)
    bounds = sorted(p for p in cuts if 0 < p < len(mine))
    return [
        (mine[lo:hi], bisect_right(jumps, lo) == bisect_left(jumps, hi))  # no jump inside
        for lo, hi in pairwise([0, *bounds, len(mine)])
    ]


def _level(a: Word, b: Word) -> bool:
    """Whether b sits on a's line: either's middle within the other's height."""
    mid_a, mid_b = (a[3] + a[5]) / 2, (b[3] + b[5]) / 2
    return a[3] <= mid_b <= a[5] or b[3] <= mid_a <= b[5]


def _render(text: str, rows: list[tuple[list[Word], bool]], low: float) -> list[Line]:
    gaps = [[b[2] - a[4] for a, b in pairwise(row)] for row, _ in rows]
    lines = []
    for i, (row, joined) in enumerate(rows):
        fields = [k for k, gap in enumerate(gaps[i]) if gap >= low]
        if fields:
            fields = _field_gaps(text, row, gaps[i], fields)
        if fields and (_alike(gaps[i]) or _in_justified_paragraph(i, rows, gaps)):
            fields = [k for k in fields if _stands_out(gaps[i], k)]
        first, end = row[0], row[-1]
        lines.append((_text(text, row, joined, fields), (first[2], first[3], end[4], first[5])))
    return lines


def _field_gaps(text: str, row: list[Word], gaps: list[float], candidates: list[int]) -> list[int]:
    """The gaps (by index) of about an em or more that have a letter or digit on their
    left: a bullet set well apart from its text does not make a field."""
    found = []
    for k in candidates:
        a, b, gap = row[k], row[k + 1], gaps[k]
        height = max(a[5] - a[3], b[5] - b[3])
        if (
            height > 1.0  # points; no usable box (a font without ascent or descent)
            and gap >= STANDOUT_GAP * height
            and (gap >= WIDE_GAP * height or _stands_out(gaps, k))
            and _ALNUM.search(text, row[0][0], a[1])
        ):
            found.append(k)
    return found


def _stands_out(gaps: list[float], k: int) -> bool:
    """Gap k is STANDOUT times the line's other spaces (their median) or more."""
    others = gaps[:k] + gaps[k + 1 :]
    if not others:
        return False
    others.sort()
    return gaps[k] >= STANDOUT * max(others[(len(others) - 1) // 2], 0.0)


def _alike(gaps: list[float]) -> bool:
    """Two or more spaces, all stretched alike: a justified line."""
    return len(gaps) >= 2 and min(gaps) > 0 and max(gaps) <= ALIKE * min(gaps)


def _in_justified_paragraph(
    i: int, rows: list[tuple[list[Word], bool]], gaps: list[list[float]]
) -> bool:
    """For a line with one space: whether the nearest line above or below with two or
    more, past a few lines of one or two words at the same indent (long words pushed to
    lines of their own), is justified and starts and ends level with line i."""
    if len(gaps[i]) != 1:
        return False
    row = rows[i][0]
    for step in (-1, 1):
        j = i + step
        while (
            abs(j - i) < 4
            and 0 <= j < len(rows)
            and len(gaps[j]) < 2
            and abs(rows[j][0][0][2] - row[0][2]) <= EDGE
        ):
            j += step
        if 0 <= j < len(rows) and _alike(gaps[j]) and _same_edges(row, rows[j][0]):
            return True
    return False


def _same_edges(a: list[Word], b: list[Word]) -> bool:
    return abs(a[0][2] - b[0][2]) <= EDGE and abs(a[-1][4] - b[-1][4]) <= EDGE


def _text(text: str, row: list[Word], joined: bool, fields: list[int]) -> str:
    """The line as PDFium spaced it, with FIELD_GAP at the field boundaries."""
    cuts = [-1, *fields, len(row) - 1]
    parts = []
    for lo, hi in pairwise(cuts):
        a, b = row[lo + 1], row[hi]
        if joined:
            parts.append(text[a[0] : b[1]])
            continue
        piece = [text[a[0] : a[1]]]
        for w, x in pairwise(row[lo + 1 : hi + 1]):
            between = text[w[1] : x[0]]
            piece.append(between if between.isspace() else " ")  # not other regions' words
            piece.append(text[x[0] : x[1]])
        parts.append("".join(piece))
    return FIELD_GAP.join(parts)
