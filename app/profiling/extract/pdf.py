"""PDF text via pypdfium2, in reading order.

Call only on the extraction worker thread (see `extract.__init__`): PDFium is
not thread-safe, not even across documents.
"""

from __future__ import annotations

import ctypes
import time
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from app.profiling.errors import (
    CorruptFileError,
    ExtractionTimeoutError,
    NoTextLayerError,
    PasswordRequiredError,
    TooManyPagesError,
)
from app.profiling.extract.layout import reading_regions
from app.profiling.extract.lines import Line, assemble, read_words
from app.profiling.extract.running import drop_running_lines
from app.profiling.extract.types import PDF, ExtractedDocument, ExtractLimits

# Fewer visible characters than this on every page means there is no usable text layer.
MIN_TEXT_CHARS = 20

# FPDFText_GetRect(text_page, index, &left, &top, &right, &bottom) taking plain addresses,
# like `lines._LOOSE_CHAR_BOX`: pypdfium2's binding checks its pointer types on every call.
_GET_RECT = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, *[ctypes.c_void_p] * 4)(
    ctypes.cast(pdfium_c.FPDFText_GetRect, ctypes.c_void_p).value
)


def extract_pdf(
    path: Path, data: bytes, password: str | None, limits: ExtractLimits, deadline: float
) -> ExtractedDocument:
    try:
        doc = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise PasswordRequiredError(path, wrong_password=bool(password)) from None
        raise CorruptFileError(path) from None
    try:
        n_pages = len(doc)
        if n_pages == 0:
            raise CorruptFileError(path, "(it has no pages)")
        if n_pages > limits.max_pages:
            raise TooManyPagesError(path, n_pages, limits.max_pages)
        page_lines = []
        for index in range(n_pages):
            if time.monotonic() > deadline:
                raise ExtractionTimeoutError(path, limits.timeout_s)
            page_lines.append(_page_lines(doc, index))
    finally:
        doc.close()
    pages = [_clean("\n".join(t for t, _ in lines)) for lines in drop_running_lines(page_lines)]
    if sum(len(p.strip()) for p in pages) < MIN_TEXT_CHARS:
        raise NoTextLayerError(path)
    return ExtractedDocument(media_type=PDF, pages=pages)


def _page_lines(doc: pdfium.PdfDocument, index: int) -> list[Line]:
    page = doc[index]
    textpage = page.get_textpage()
    try:
        regions = reading_regions(_rects(textpage))
        text, words = read_words(textpage)
    finally:
        textpage.close()
        page.close()
    return assemble(text, words, regions)


def _rects(textpage: pdfium.PdfTextPage) -> list[tuple[float, float, float, float]]:
    """PDFium's text rectangles (one per run of text on a line); cheap, no text fetched."""
    count = pdfium_c.FPDFText_CountRects(textpage.raw, 0, -1)
    handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    box = (ctypes.c_double * 4)()  # left, top, right, bottom
    base, size = ctypes.addressof(box), ctypes.sizeof(ctypes.c_double)
    addresses = (base, base + size, base + 2 * size, base + 3 * size)
    get_rect = _GET_RECT
    rects = []
    for i in range(count):
        get_rect(handle, i, *addresses)
        left, top, right, bottom = box
        if right - left > 0.5:
            rects.append((left, bottom, right, top))
    return rects


def _clean(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")
    text = text.replace("\ufffe", "-").replace("\x00", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
