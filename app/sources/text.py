"""HTML (literal or entity-escaped) to clean text that keeps paragraphs and lists."""

from __future__ import annotations

import html
import re

from selectolax.lexbor import LexborHTMLParser

_BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "blockquote",
        "pre", "dl", "dt", "dd", "hr", "figure", "form", "fieldset", "address", "details",
        "summary",
    }
)  # fmt: skip
_DROP_TAGS = ["script", "style", "noscript", "template", "head", "iframe", "svg", "object"]
_TAG_RE = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_ESCAPED_TAG_RE = re.compile(r"&lt;\s*/?\s*[a-zA-Z][a-zA-Z0-9]*[\s/]*(?:&gt;|[^&]{0,200}?&gt;)")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds HTML tags (not just a stray ``<``)."""
    return bool(_TAG_RE.search(text))


def _unescape_layers(text: str) -> str:
    """Undo entity-escaping of markup (Greenhouse's ``content`` is ``&lt;p&gt;...``).

    Only whole layers that hide tags are undone: the text inside is unescaped later by the
    HTML parser, so ``&amp;amp;`` (double-escaped) ends as ``&`` and a literal ``&lt;``
    inside real HTML stays a ``<`` character.
    """
    for _ in range(3):
        if _TAG_RE.search(text) or not _ESCAPED_TAG_RE.search(text):
            break
        text = html.unescape(text)
    return text


def _tidy(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        lines.append(line)
    out = "\n".join(lines)
    out = _MANY_NEWLINES.sub("\n\n", out)
    return out.strip()


def html_to_text(markup: str | None) -> str:
    """Clean text from HTML, entity-escaped HTML or plain text.

    Paragraphs, headings and table rows become blank-line separated blocks, ``<li>``
    becomes a ``- `` line, ``<br>`` a newline, table cells of a row are joined by " | ";
    scripts, styles and other non-content is dropped.
    Plain text only has its entities decoded and its whitespace tidied.
    """
    if not markup:
        return ""
    text = _unescape_layers(markup)
    if not looks_like_html(text):
        return _tidy(html.unescape(text).replace("\r\n", "\n").replace("\r", "\n"))
    tree = LexborHTMLParser(text)
    tree.strip_tags(_DROP_TAGS)
    root = tree.body or tree.root
    if root is None:
        return ""
    out: list[str] = []
    marker_open = False  # a "- " or " | " was written and no text followed yet
    cells = 0  # table cells seen in the current row
    for node in root.traverse(include_text=True):
        tag = node.tag
        if tag == "-text":
            chunk = node.text_content or ""
            if chunk.strip():
                prev = node.prev
                if prev is not None and (prev.tag in _BLOCK_TAGS or prev.tag == "li"):
                    out.append("\n\n")  # text after a closed block starts a new one
                marker_open = False
            elif "\n" in chunk:
                # Whitespace between tags in source HTML is not a line break on screen.
                chunk = " "
            out.append(chunk.replace("\n", " "))
        elif tag == "li":
            out.append("\n- ")
            marker_open = True
        elif tag == "br":
            if not marker_open:
                out.append("\n")
        elif tag in ("td", "th"):
            if cells:  # "<th>Pay</th><td>£24,000</td>" reads "Pay | £24,000"
                out.append(" | ")
                marker_open = True
            cells += 1
        elif tag in _BLOCK_TAGS and not marker_open:
            out.append("\n\n")
        if tag == "tr":
            cells = 0
    return _tidy("".join(out))


def plain_text(value: str | None) -> str:
    """Tidy text that is supposed to be plain (entities decoded, whitespace collapsed)."""
    if not value:
        return ""
    if looks_like_html(value) or _ESCAPED_TAG_RE.search(value):
        return html_to_text(value)
    return _tidy(html.unescape(value).replace("\r\n", "\n").replace("\r", "\n"))


def one_line(value: str | None) -> str | None:
    """A short field (title, company, location) as one clean line, or None if empty."""
    if value is None:
        return None
    text = plain_text(str(value)).replace("\n", " ")
    text = _SPACES.sub(" ", text).strip()
    return text or None


_MD_RULES = [
    (re.compile(r"!\[([^\]\n]*)\]\([^)\s]+(?:\s+\"[^\"\n]*\")?\)"), r"\1"),  # image: its alt
    (re.compile(r"^[ \t]*[*+-][ \t]+", re.M), "- "),  # bullets
    (re.compile(r"^[ \t]*#{1,6}[ \t]*(.*?)[ \t#]*$", re.M), r"\1"),  # headings
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M), ""),  # rules
    (re.compile(r"(?<!\\)(\*\*|__)(?=\S)(.+?)(?<=[^\s\\])\1"), r"\2"),  # bold
    (re.compile(r"(?<![\\\w*])\*(?=[^\s*])(.+?)(?<=[^\s\\*])\*(?![\w*])"), r"\1"),  # italic
    (re.compile(r"(?<![\\\w])_(?=[^\s_])(.+?)(?<=[^\s\\_])_(?!\w)"), r"\1"),
    (re.compile(r"(?<!\\)`([^`\n]+)`"), r"\1"),  # code
]
_MD_LINK_RE = re.compile(r"(?<![\\!])\[([^\]\n]*)\]\(([^)\s]+)(?:\s+\"[^\"\n]*\")?\)")
_MD_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _md_link(m: re.Match[str]) -> str:
    label, url = m.group(1).strip(), m.group(2)
    bare = re.sub(r"^(?:https?://|mailto:)", "", url).rstrip("/")
    return label if label and bare in label else f"{label} ({url})".strip()


def markdown_to_text(text: str) -> str:
    """Plain text from Markdown (as the JobSpy scraper writes descriptions): emphasis,
    headings and code marks dropped, bullets as "- ", a link as "label (url)" (or just the
    label when it shows the address), backslash escapes ("\\&", "\\-") undone."""
    text = _MD_LINK_RE.sub(_md_link, text)
    for regex, repl in _MD_RULES:
        text = regex.sub(repl, text)
    return _MD_ESCAPE_RE.sub(r"\1", text)
