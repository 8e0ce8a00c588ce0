"""Reading order for PDF pages: find column gutters from text boxes.

PDFium gives a page's text in content-stream order. Two-column CVs are often
drawn line by line across both columns, so the raw text interleaves the
sidebar with the main column. We look only at PDFium's text rectangles (a
handful per line, cheap to fetch) and look for a vertical gutter: an x range
that almost no rectangle crosses, with substantial text on both sides that
sits side by side. Rectangles that span the gutter (a name or summary across
the full width) cut the page into horizontal bands. The result is a list of
regions in reading order; the caller asks PDFium for the text inside each one.

Columns versus text set at the right margin: a one-column résumé often puts
the dates (or the city) flush right on the job title's line,

    Senior Software Engineer, Stripe                    Jan 2020 - Present

which leaves an empty x range down the page as well. But such fragments come
one or two per job, with the bullets in between, while a column is a band of
text: each side of a gutter must hold at least MIN_RUN lines that follow one
another at line pitch, no line skipped. A fragment that is not part of such a
run stays on its line: the page is read as one flow, in the order the file
draws it, which puts the dates after their title.

Margin labels are not a column either: moderncv and Europass CVs set dates and
labels flush right in a narrow left margin, each on the line of the entry it
labels, so such a margin is read line by line with the text beside it.

Pure functions on tuples, so they are tested without PDFs.
"""

from __future__ import annotations

from itertools import pairwise

Box = tuple[float, float, float, float]  # left, bottom, right, top (PDF points, y up)

MIN_GUTTER = 8.0  # points; wider than any word space at CV font sizes
MIN_SIDE_SHARE = 0.12  # each column holds at least this share of the text area
MIN_STACK_SHARE = 0.03  # ... or this much, when its lines are stacked one under another
MIN_SIDE_BY_SIDE = 3  # lines on the left that have a neighbour on the right
MIN_RUN = 4  # consecutive lines each column holds somewhere (a contact sidebar: 4 or more)
MAX_PITCH = 2.2  # glyph heights from one line's top to the next's: no line skipped
MAX_DEPTH = 2  # a gutter inside a column (three columns) is still found
LABEL_GAP = 2.0  # glyph heights: margin labels sit at most this far from their text ...
FLUSH = 1.5  # ... and, set flush right, end this close to one another (points) ...
LABELS_SHARE = 0.8  # ... this share of them at least, each on a line of the text


def reading_regions(rects: list[Box]) -> list[Box] | None:
    """Regions in reading order, or None when the page is a single flow."""
    regions = _split(rects, 0)
    return regions if len(regions) > 1 else None


def _bbox(rects: list[Box]) -> Box:
    return (
        min(r[0] for r in rects),
        min(r[1] for r in rects),
        max(r[2] for r in rects),
        max(r[3] for r in rects),
    )


def _area(rects: list[Box]) -> float:
    return sum((r[2] - r[0]) * (r[3] - r[1]) for r in rects)


def _split(rects: list[Box], depth: int) -> list[Box]:
    if not rects:
        return []
    if depth > MAX_DEPTH or len(rects) < 6:
        return [_bbox(rects)]
    gutter = _find_gutter(rects)
    if gutter is None:
        return [_bbox(rects)]
    lo, hi = gutter
    left, right, full = _assign(rects, lo, hi)
    x0, _, x1, _ = _bbox(rects)
    regions: list[Box] = []
    for kind, band in _bands(left, right, full):
        if kind == "full":
            regions.append(_bbox(band))
            continue
        band_left = [r for r in band if r[2] <= hi + 1]
        band_right = [r for r in band if r[2] > hi + 1]
        # The left column ends where the right column's text starts, so a line that
        # overflows into the gutter is kept whole and nothing is read twice.
        split = min((r[0] for r in band_right), default=hi) - 0.5
        for side, (a, b) in ((band_left, (x0 - 1, split)), (band_right, (split, x1 + 1))):
            for box in _split(side, depth + 1):
                regions.append((max(a, box[0] - 1), box[1], min(b, box[2] + 1), box[3]))
    return regions


def _find_gutter(rects: list[Box]) -> tuple[float, float] | None:
    """The widest x range crossed by few rectangles that splits the text into columns."""
    tolerance = max(1, int(0.12 * len(rects)))
    x0, _, x1, _ = _bbox(rects)
    total_area = _area(rects)
    best: tuple[float, float] | None = None
    for lo, hi in _empty_intervals(rects, _low_cover_zones(rects, tolerance, x0, x1)):
        wide = hi - lo >= MIN_GUTTER and x0 < lo and hi < x1
        wider = best is None or hi - lo > best[1] - best[0]
        if wide and wider and _is_columns(rects, lo, hi, total_area):
            best = (lo, hi)
    return best


def _low_cover_zones(rects: list[Box], tolerance: int, x0: float, x1: float):
    """Maximal x ranges crossed by at most `tolerance` rectangles."""
    events = sorted([(r[0], 1) for r in rects] + [(r[2], -1) for r in rects])
    zones, cover, start = [], 0, x0
    for x, delta in events:
        before = cover
        cover += delta
        if before > tolerance >= cover:
            start = x
        elif before <= tolerance < cover:
            zones.append((start, x))
    zones.append((start, x1))
    return zones


def _empty_intervals(rects: list[Box], zones):
    """Within each zone, the stretches that no rectangle reaching into it covers.

    A sparse sidebar sits inside a low-coverage zone (five contact lines are
    "few"); its own rectangles are taken out so only the real gutter remains.
    """
    for zlo, zhi in zones:
        # Rectangles reaching into the zone but not across it (across: the tolerated few),
        # and only where there is text on the other side at the same height: a name set
        # above both columns may run over the gutter without closing it.
        right_rows = [(r[1], r[3]) for r in rects if r[0] >= zhi - 0.5]
        left_rows = [(r[1], r[3]) for r in rects if r[2] <= zlo + 0.5]
        inner = sorted(
            (max(r[0], zlo), min(r[2], zhi))
            for r in rects
            if r[2] > zlo and r[0] < zhi and not (r[0] < zlo - 0.5 and r[2] > zhi + 0.5)
            and _level_with(r, right_rows if r[0] + r[2] < zlo + zhi else left_rows)
        )
        cursor = zlo
        for a, b in inner:
            if a > cursor:
                yield cursor, a
            cursor = max(cursor, b)
        if zhi > cursor:
            yield cursor, zhi


def _level_with(rect: Box, rows: list[tuple[float, float]]) -> bool:
    return any(b < rect[3] and t > rect[1] for b, t in rows)


def _is_columns(rects: list[Box], lo: float, hi: float, total_area: float) -> bool:
    left, right, _ = _assign(rects, lo, hi)
    if not left or not right:
        return False
    if not (_enough(left, total_area) and _enough(right, total_area)):
        return False
    line = _median_height(rects)
    if _longest_run(left, line) < MIN_RUN or _longest_run(right, line) < MIN_RUN:
        return False
    if hi - lo <= LABEL_GAP * line and _margin_labels(left, right):
        return False
    side_by_side = 0
    right_spans = sorted((r[1], r[3]) for r in right)
    for r in left:
        if any(b < r[3] and t > r[1] for b, t in right_spans):
            side_by_side += 1
            if side_by_side >= MIN_SIDE_BY_SIDE:
                return True
    return False


def _margin_labels(left: list[Box], right: list[Box]) -> bool:
    """Dates or labels in a narrow margin, set flush right close to the text they label
    (moderncv, Europass): each sits on a line of the right side, and reads with it.
    A sidebar is set flush left, its right edge ragged, and further off."""
    edge = max(r[2] for r in left)
    if edge - min(r[0] for r in left) > 0.5 * (max(r[2] for r in right) - edge):
        return False  # not narrow beside the text
    flush = sum(1 for r in left if edge - r[2] <= FLUSH)
    rows = [(r[1], r[3]) for r in right]
    on_a_line = sum(1 for r in left if _level_with(r, rows))
    return flush >= LABELS_SHARE * len(left) and on_a_line >= LABELS_SHARE * len(left)


def _enough(side: list[Box], total_area: float) -> bool:
    """A column holds a fair share of the text, or is a short stack of consecutive lines
    (a sparse contact sidebar). Right-aligned dates are neither: they are far apart."""
    area = _area(side)
    if area >= MIN_SIDE_SHARE * total_area:
        return True
    if area < MIN_STACK_SHARE * total_area or len(side) < 4:
        return False
    tops = sorted((r[3] for r in side), reverse=True)
    line = _median_height(side)
    close = sum(1 for a, b in pairwise(tops) if a - b <= 3.0 * line)
    return close >= 0.7 * (len(tops) - 1)  # line pitch is up to ~3x the glyph height


def _longest_run(side: list[Box], line: float) -> int:
    """The most lines of `side` that follow one another at line pitch, none skipped.

    `line` is the median glyph height of the whole region, not of this side: dates
    alone ("2019 - 2021") have short boxes, which would make their pitch look wide.
    Right-aligned dates come in ones and twos (title and company lines), with the
    job's bullets in between; a column, even a sparse contact sidebar, is a stack.
    """
    tops = sorted((r[3] for r in side), reverse=True)
    best = run = 1
    for above, below in pairwise(tops):
        if above - below < 0.5 * line:
            continue  # another rectangle on the same line
        run = run + 1 if above - below <= MAX_PITCH * line else 1
        best = max(best, run)
    return best


def _median_height(rects: list[Box]) -> float:
    heights = sorted(r[3] - r[1] for r in rects)
    return heights[len(heights) // 2] or 1.0


def _assign(rects: list[Box], lo: float, hi: float) -> tuple[list[Box], list[Box], list[Box]]:
    """Split into left, right and full-width rectangles around the gutter (lo, hi).

    A rectangle may reach into the gutter (a long e-mail address in a narrow
    sidebar) but not across it: one that touches text on the other side is
    full width (a name or a summary spanning both columns).
    """
    left, right, full = [], [], []
    for r in rects:
        if r[2] <= hi + 1:
            left.append(r)
        elif r[0] >= lo - 1:
            right.append(r)
        else:
            full.append(r)
    return left, right, full


def _bands(left: list[Box], right: list[Box], full: list[Box]) -> list[tuple[str, list[Box]]]:
    """Cut the page top to bottom into full-width bands and two-column bands."""
    items = [(r, "col") for r in left + right] + [(r, "full") for r in full]
    items.sort(key=lambda item: -item[0][3])
    bands: list[tuple[str, list[Box]]] = []
    for rect, kind in items:
        if bands and bands[-1][0] == kind:
            bands[-1][1].append(rect)
        elif kind == "col" and bands and _overlaps_band(rect, bands[-1][1]):
            bands[-1][1].append(rect)  # a column line level with the full-width line
        else:
            bands.append((kind, [rect]))
    return bands


def _overlaps_band(rect: Box, band: list[Box]) -> bool:
    bottom = min(r[1] for r in band)
    return rect[3] - 1 > bottom and rect[1] < bottom
