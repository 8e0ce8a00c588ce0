"""Read a CV file into text in reading order.

`extract_document` is synchronous; `extract_document_async` runs it on one
module-level worker thread. PDFium is not thread-safe, even across documents,
so every pypdfium2 call in the app must go through that one thread.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from app.profiling.errors import (
    DocumentError,
    EmptyFileError,
    ExtractionTimeoutError,
    FileTooLargeError,
    NotAZipError,
    UnsupportedTypeError,
)
from app.profiling.extract.sniff import media_type_for_extension, sniff
from app.profiling.extract.types import (
    DOCX,
    MARKDOWN,
    PDF,
    TEXT,
    ExtractedDocument,
    ExtractLimits,
)

__all__ = [
    "DOCX",
    "MARKDOWN",
    "PDF",
    "TEXT",
    "ExtractLimits",
    "ExtractedDocument",
    "extract_document",
    "extract_document_async",
    "run_on_extraction_thread",
]

_EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cv-extract")

_NAMES = {PDF: "PDF", DOCX: "Word (DOCX)", TEXT: "text", MARKDOWN: "Markdown"}


def extract_document(
    path: Path, *, password: str | None = None, limits: ExtractLimits = ExtractLimits()
) -> ExtractedDocument:
    """Read `path` and return its text in reading order.

    Raises a `DocumentError` subclass with a user-readable message. Call PDFs
    from the extraction thread only (`extract_document_async` does that).
    """
    path = Path(path)
    deadline = time.monotonic() + limits.timeout_s
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(path, f"“{path.name}” cannot be opened: {exc.strerror}.") from None
    if size == 0:
        raise EmptyFileError(path)
    if size > limits.max_file_mb * 1024 * 1024:
        raise FileTooLargeError(path, size / 1024 / 1024, limits.max_file_mb)
    data = path.read_bytes()
    claimed = media_type_for_extension(path)
    actual, what = sniff(path, data[:8192])
    warnings: list[str] = []
    if actual is None:
        if claimed == DOCX and data.startswith(b"\xd0\xcf\x11\xe0"):
            # Word saves a password-protected .docx inside an OLE container.
            raise UnsupportedTypeError(
                path, "a password-protected or old-format Word document; remove the password "
                "or save it again as DOCX or PDF"
            )
        if claimed == DOCX and not data.startswith(b"PK"):
            raise NotAZipError(path)
        raise UnsupportedTypeError(path, what)
    if claimed == MARKDOWN and actual == TEXT:
        actual = MARKDOWN
    if claimed is not None and claimed != actual and {claimed, actual} != {TEXT, MARKDOWN}:
        if claimed == DOCX and actual == TEXT:
            raise NotAZipError(path)
        if claimed == PDF and actual == TEXT:
            from app.profiling.errors import CorruptFileError

            raise CorruptFileError(path, "(it has no PDF header)")
        warnings.append(
            f"“{path.name}” is named as {_NAMES[claimed]} but is really {_NAMES[actual]}; "
            f"it was read as {_NAMES[actual]}."
        )
    doc = _extract(path, data, actual, password, limits, deadline)
    if time.monotonic() > deadline:
        raise ExtractionTimeoutError(path, limits.timeout_s)
    doc.warnings[:0] = warnings
    return doc


def _extract(path, data, media_type, password, limits, deadline) -> ExtractedDocument:
    if media_type == PDF:
        from app.profiling.extract.pdf import extract_pdf

        return extract_pdf(path, data, password, limits, deadline)
    if media_type == DOCX:
        from app.profiling.extract.docx import extract_docx

        return extract_docx(path, limits)
    from app.profiling.extract.text import extract_text

    doc, _ = extract_text(data, markdown=media_type == MARKDOWN)
    if not doc.text.strip():
        raise EmptyFileError(path)
    return doc


async def extract_document_async(
    path: Path, *, password: str | None = None, limits: ExtractLimits = ExtractLimits()
) -> ExtractedDocument:
    """`extract_document` on the single extraction thread, awaitable from the event loop.

    The worker checks the deadline between pages; the wait here has a little
    slack on top so a stuck PDFium call cannot hang the caller forever.
    """
    loop = asyncio.get_running_loop()
    future = loop.run_in_executor(
        _EXECUTOR, lambda: extract_document(path, password=password, limits=limits)
    )
    try:
        return await asyncio.wait_for(future, timeout=limits.timeout_s + 5)
    except TimeoutError:
        raise ExtractionTimeoutError(Path(path), limits.timeout_s) from None


def run_on_extraction_thread(fn, /, *args):
    """Run any other PDFium work (thumbnails, rendering) on the same thread; returns a Future."""
    return _EXECUTOR.submit(fn, *args)
