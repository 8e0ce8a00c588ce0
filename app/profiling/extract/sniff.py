"""Detect a file's real type from its first bytes, not from its name."""

from __future__ import annotations

import zipfile
from pathlib import Path

from app.profiling.extract.types import DOCX, MARKDOWN, PDF, TEXT

_KNOWN_OTHER = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word .doc file (save it as DOCX or PDF)"),
    (b"{\\rtf", "an RTF file (save it as DOCX or PDF)"),
    (b"\x89PNG", "a PNG image; OCR is not supported"),
    (b"\xff\xd8\xff", "a JPEG image; OCR is not supported"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image; OCR is not supported"),
    (b"MM\x00*", "a TIFF image; OCR is not supported"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)

_BY_EXTENSION = {
    ".pdf": PDF,
    ".docx": DOCX,
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
}


def media_type_for_extension(path: Path) -> str | None:
    return _BY_EXTENSION.get(path.suffix.lower())


def sniff(path: Path, head: bytes) -> tuple[str | None, str]:
    """Return (media type or None, description of what it is).

    `head` is the first few KB of the file. A zip is DOCX only if it holds
    `word/document.xml`; text is anything without NUL bytes (or with a UTF-16 BOM).
    """
    if b"%PDF-" in head[:1024]:
        return PDF, "a PDF"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError):
            return None, "a damaged zip archive"
        if "word/document.xml" in names:
            return DOCX, "a Word document (DOCX)"
        if "content.xml" in names:
            return None, "an OpenDocument file (save it as DOCX or PDF)"
        return None, "a zip archive"
    for magic, what in _KNOWN_OTHER:
        if head.startswith(magic):
            return None, what
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return TEXT, "a text file"
    if b"\x00" in head:
        if _looks_utf16(head):
            return TEXT, "a text file"
        return None, "a binary file"
    return TEXT, "a text file"


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a BOM: every other byte is NUL for mostly-ASCII text."""
    sample = head[:2000]
    if len(sample) < 4:
        return False
    evens, odds = sample[0::2], sample[1::2]
    return evens.count(0) > 0.4 * len(evens) or odds.count(0) > 0.4 * len(odds)
