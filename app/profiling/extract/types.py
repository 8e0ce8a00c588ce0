"""Value types shared by the extractors."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"
MARKDOWN = "text/markdown"


@dataclass(frozen=True)
class ExtractLimits:
    """User-adjustable limits (Settings). Each one guards against a hostile or broken file."""

    max_file_mb: float = 20
    max_pages: int = 30
    timeout_s: float = 30


@dataclass
class ExtractedDocument:
    """Text of one file in reading order.

    `pages[i]` is the text of page i+1 (DOCX pages follow Word's last rendered
    page breaks; text files are one page). `text` is the pages joined by a
    newline, so line n of `text` (1-based) is what `iter_lines` numbers n.
    """

    media_type: str
    pages: list[str]
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def iter_lines(self) -> Iterator[tuple[int, int, str]]:
        """Yield (page, line, text) with 1-based page and document-wide line numbers."""
        line_no = 0
        for page_no, page in enumerate(self.pages, start=1):
            for line in page.split("\n"):
                line_no += 1
                yield page_no, line_no, line
