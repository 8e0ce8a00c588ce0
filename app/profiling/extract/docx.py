"""DOCX text via python-docx, in document order, with a zip-bomb guard.

Layout tables are read row by row and cell by cell, so a sidebar cell is read
whole before the main cell (never line by line across them). Text boxes
(`w:txbxContent`) are read where they are anchored; the VML fallback copy Word
writes beside each text box is skipped so nothing is read twice. Headers come
first: many CVs keep the name and contact details there.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from app.profiling.errors import CorruptFileError, NotAZipError, TooManyPagesError, ZipBombError
from app.profiling.extract.types import DOCX, ExtractedDocument, ExtractLimits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

MAX_UNCOMPRESSED_MB = 200
MAX_RATIO = 150  # deflate rarely exceeds ~20x on real documents; bombs reach 1000x
MAX_ENTRIES = 5000


def check_zip(path: Path) -> None:
    """Refuse archives whose declared sizes would expand to something huge.

    Uses the sizes in the central directory, before anything is decompressed.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile:
        raise NotAZipError(path) from None
    if len(infos) > MAX_ENTRIES:
        raise ZipBombError(path, f"{len(infos)} entries")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED_MB * 1024 * 1024:
        raise ZipBombError(path, f"{total / 1024 / 1024:.0f} MB uncompressed")
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise ZipBombError(path, f"{info.filename} is compressed {ratio:.0f} to 1")


def extract_docx(path: Path, limits: ExtractLimits) -> ExtractedDocument:
    import docx  # imported lazily: python-docx pulls in lxml, ~40 ms

    check_zip(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for broken parts
        raise CorruptFileError(path, f"({type(exc).__name__})") from None
    pages: list[list[str]] = [[]]
    seen_headers: set[str] = set()
    for section in document.sections:
        for part in (section.first_page_header, section.header):
            try:
                if part.is_linked_to_previous:
                    continue
                element = part._element
            except Exception:  # a header part that python-docx cannot resolve
                continue
            text_lines: list[list[str]] = [[]]
            _walk(element, text_lines)
            block = "\n".join(text_lines[0]).strip()
            if block and block not in seen_headers:
                seen_headers.add(block)
                pages[0].extend(text_lines[0])
    _walk(document.element.body, pages)
    if len(pages) > limits.max_pages:
        raise TooManyPagesError(path, len(pages), limits.max_pages)
    texts = ["\n".join(lines).strip("\n") for lines in pages]
    while len(texts) > 1 and not texts[-1].strip():
        texts.pop()
    return ExtractedDocument(media_type=DOCX, pages=texts)


def _walk(element, pages: list[list[str]]) -> None:
    """Append paragraph texts under `element` to `pages` in reading order."""
    for child in element.iterchildren():
        tag = child.tag
        if tag == W + "p":
            _paragraph(child, pages)
        elif tag == W + "tbl":
            for row in child.iter(W + "tr"):
                if _parent_table(row) is not child:
                    continue
                for cell in row.iterchildren(W + "tc"):
                    _walk(cell, pages)
        elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"):
            _walk(child, pages)


def _parent_table(row):
    parent = row.getparent()
    while parent is not None and parent.tag != W + "tbl":
        parent = parent.getparent()
    return parent


def _paragraph(p, pages: list[list[str]]) -> None:
    parts: list[str] = ["• "] if _is_list_item(p) else []
    boxes = []
    for node in p.iter():
        tag = node.tag
        if tag == W + "t":
            if not _inside(node, p, (W + "txbxContent", MC_FALLBACK)):
                parts.append(node.text or "")
        elif tag in (W + "tab",):
            if not _inside(node, p, (W + "txbxContent", MC_FALLBACK)):
                parts.append("\t")
        elif tag == W + "br":
            if node.get(W + "type") == "page":
                _flush(parts, pages)
                pages.append([])
            elif not _inside(node, p, (W + "txbxContent", MC_FALLBACK)):
                parts.append("\n")
        elif tag == W + "lastRenderedPageBreak":
            if not _inside(node, p, (W + "txbxContent", MC_FALLBACK)) and (parts or pages[-1]):
                _flush(parts, pages)
                pages.append([])
        elif (
            tag == W + "txbxContent"
            and not _inside(node, p, (MC_FALLBACK,))
            and not _inside(node.getparent(), p, (W + "txbxContent",))
        ):
            boxes.append(node)
    _flush(parts, pages)
    for box in boxes:
        _walk(box, pages)


def _is_list_item(p) -> bool:
    """Word bullets are numbering, not characters: give them a visible bullet."""
    ppr = p.find(W + "pPr")
    if ppr is None:
        return False
    if ppr.find(W + "numPr") is not None:
        return True
    style = ppr.find(W + "pStyle")
    return style is not None and "list" in (style.get(W + "val") or "").lower()


def _flush(parts: list[str], pages: list[list[str]]) -> None:
    text = "".join(parts)
    if text == "• ":
        text = ""
    parts.clear()
    for line in text.split("\n"):
        pages[-1].append(line.rstrip())


def _inside(node, stop, tags: tuple[str, ...]) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False
