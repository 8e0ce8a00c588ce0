"""Plain text and Markdown files, with encoding detection."""

from __future__ import annotations

import codecs
import re

from app.profiling.extract.types import MARKDOWN, TEXT, ExtractedDocument

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?!\s)|`)")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). BOMs first, then UTF-8, UTF-16 without BOM, cp1252."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:2000]:
        even_nuls = data[0:2000:2].count(0)
        odd_nuls = data[1:2000:2].count(0)
        encoding = "utf-16-be" if even_nuls > odd_nuls else "utf-16-le"
        return data.decode(encoding, errors="replace"), encoding
    return data.decode("cp1252", errors="replace"), "cp1252"


def extract_text(data: bytes, *, markdown: bool) -> tuple[ExtractedDocument, str]:
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    if markdown:
        text = "\n".join(_strip_markdown(line) for line in text.split("\n"))
    doc = ExtractedDocument(media_type=MARKDOWN if markdown else TEXT, pages=[text.strip("\n")])
    return doc, encoding


def _strip_markdown(line: str) -> str:
    """Drop markup that would confuse the parser; keep bullets and link targets."""
    if _MD_RULE.match(line):
        return ""
    heading = _MD_HEADING.match(line)
    if heading:
        line = heading.group(1)
    line = _MD_LINK.sub(_link, line)
    line = _MD_EMPHASIS.sub("", line)
    return line.replace("\\", "") if "\\" in line else line


def _link(match: re.Match[str]) -> str:
    label, target = match.group(1), match.group(2)
    return f"{label} ({target})" if label else target
