"""Lines with provenance, and CV sections whatever their heading wording.

A heading is a short line made only of heading words ("Work History",
"Core Competencies", "LICENCES & CERTIFICATIONS", "Referees") with at least one
keyword that names a section. Requiring *every* word to be a heading word keeps
"Excellent communication skills" from becoming a heading. "Skills: Python,
SQL" is an inline heading: a section whose first line is the rest.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# keyword -> section kind; checked in this order of kinds when several appear
_KEYWORDS: dict[str, str] = {}
for _kind, _words in (
    ("volunteering", "volunteer volunteering voluntary"),
    ("references", "references referees reference referee"),
    ("certifications", "cpd certifications certification certificates certificate licenses "
     "licences license licence accreditations accreditation credentials registrations "
     "registration tickets cards"),
    ("languages", "languages language"),
    ("projects", "projects project portfolio"),
    ("education", "education qualifications qualification academic academics schooling "
     "studies degrees coursework training"),
    ("experience", "experience experiences employment work history positions roles "
     "placements internships jobs"),
    ("skills", "skills skill competencies competences competency expertise abilities strengths "
     "proficiencies technologies tools stack capabilities knowledge"),
    ("summary", "summary profile objective objectives about statement overview introduction bio "
     "biography"),
    ("awards", "awards award honours honors achievements accomplishments recognition prizes "
     "scholarships"),
    ("interests", "interests hobbies activities pursuits"),
    ("publications", "publications papers research"),
    ("contact", "contact details information"),
    ("other", "memberships affiliations associations additional miscellaneous extracurricular"),
):  # fmt: skip
    for _w in _words.split():
        _KEYWORDS.setdefault(_w, _kind)
_MODIFIERS = set(
    [
        "key", "core", "technical", "professional", "relevant", "clinical", "teaching",
        "additional", "other", "computer", "it", "personal", "academic", "selected", "recent",
        "previous", "management", "software", "programming", "soft", "hard", "transferable",
        "areas", "area", "of", "and", "the", "my", "in", "industry", "nursing", "sales",
        "specialist", "related", "practical", "leadership", "highlights", "me", "executive",
        "career", "employment", "of", "community", "involvement", "service", "professional",
        "summary", "main", "further", "continuing", "development", "courses", "course", "short",
        "spoken", "language", "foreign", "tech", "digital", "functional", "qualifications",
        "awards", "&", "+", "/", "info", "at", "a", "glance", "job", "trade", "special",
        "specialised", "specialized", "core",
    ]
)
_BULLETS = "•·▪●◦‣►■□➢✓✔*-–—>"
_STRIP = re.compile(r"^[\s\d.)(#|:" + re.escape(_BULLETS) + r"]+|[\s:|.\-–—_=]+$")


@dataclass
class Line:
    text: str
    page: int
    line: int  # 1-based, document-wide


@dataclass
class Section:
    kind: str  # "header" for lines before the first heading
    heading: Line | None
    lines: list[Line] = field(default_factory=list)


def clean_line(raw: str) -> str:
    """NFKC (folds ligatures like "ﬁ"), private-use icon glyphs dropped, tabs to spaces."""
    if raw.isascii():
        return raw.replace("\t", "   ").rstrip()
    text = unicodedata.normalize("NFKC", raw)
    # Symbol-font bullets (Wingdings "\uf0b7" and friends) come out as private-use
    # characters: a leading one is a bullet, any other is an icon and is dropped.
    text = _PUA_BULLET.sub("• ", text, count=1)
    text = _PRIVATE_USE.sub("", text)
    return text.replace("\t", "   ").rstrip()


def heading_kind(text: str) -> str | None:
    """The section kind if `text` is a heading line, else None."""
    if len(text) > 64 or text.count(" ") > 12 or text.lstrip()[:1] in _NOT_HEADING_START:
        return None
    stripped = _STRIP.sub("", text.strip())
    if not stripped or len(stripped) > 48 or stripped[0].islower() or _DIGIT.search(stripped):
        return None
    if _SPACED.fullmatch(stripped):  # "E X P E R I E N C E"
        stripped = stripped.replace(" ", "")
    elif stripped.count(" ") > 6 or stripped.endswith("."):
        return None
    words = _HEADING_WORD.findall(stripped.replace("’", "'"))
    if not words or len(words) > 6:
        return None
    lowered = [w.lower() for w in words]
    keywords = [_KEYWORDS[w] for w in lowered if w in _KEYWORDS]
    if any(w not in _KEYWORDS and w not in _MODIFIERS for w in lowered):
        return None
    if lowered[:2] in (["professional", "development"], ["continuing", "professional"]):
        return "certifications"
    if lowered in (["career"], ["employment"], ["work"]):
        return "experience"
    if not keywords:
        return None
    if "volunteering" in keywords:
        return "volunteering"
    if "languages" in keywords and {"programming", "computer", "software"} & set(lowered):
        return "skills"
    if keywords[0] == "education" and lowered[0] == "training" and len(set(keywords)) > 1:
        return keywords[1]  # "Training & Certifications"
    return keywords[0]


_NOT_HEADING_START = set("•·▪●◦‣►■□➢✓✔*(@+") | set("abcdefghijklmnopqrstuvwxyz")
_PUA_BULLET = re.compile("^(\\s*)[\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf075]\\s*")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\u200b]")  # icon-font glyphs, zero-width spaces
_DIGIT = re.compile(r"\d")
_SPACED = re.compile(r"(?:[A-Za-z] ){3,}[A-Za-z]")
_HEADING_WORD = re.compile(r"[A-Za-z]+|&|\+|/")
_DASH_BULLET = re.compile(r"[-–—o>]\s")
_BULLET_PREFIX = re.compile(r"^\s*(?:[•·▪●◦‣►■□➢✓✔*]+|[-–—o>](?=\s))\s*")
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,2}\s*(?:/|of)\s*\d{1,2}$|page\s+\d{1,2}$", re.I)
_CONTACT_LABEL = re.compile(
    r"(?:phone|tel|telephone|mobile|cell|email|e-mail|address|linkedin|github|website|web|"
    r"portfolio|location|[EMTP])$",
    re.IGNORECASE,
)
_INLINE = re.compile(r"^\s*([A-Za-z][A-Za-z &/]{2,40}?)\s*:\s*(\S.*)$")


def split_sections(lines: list[Line]) -> list[Section]:
    sections = [Section("header", None)]
    after_inline = False  # the last section began with "Label: ..." on one line
    for line in lines:
        text = line.text.strip()
        if not text or _PAGE_NUMBER.match(text):
            sections[-1].lines.append(line if not text else Line("", line.page, line.line))
            continue
        kind = heading_kind(text)
        if kind:
            sections.append(Section(kind, line))
            after_inline = False
            continue
        inline = _INLINE.match(text)
        if inline and after_inline and heading_kind(inline.group(1)) is None:
            # "Certifications: OSHA 30" then "Phone: ...": the one-line section is over.
            contact = _CONTACT_LABEL.match(inline.group(1))
            sections.append(Section("contact" if contact else "other", None))
            sections[-1].lines.append(line)
            after_inline = False
            continue
        # Inside a contact block or a skills list, "Label: ..." is a sub-list, not a section.
        if inline and sections[-1].kind not in ("contact", "skills"):
            kind = heading_kind(inline.group(1))
            if kind and kind not in ("contact", "summary"):
                sections.append(Section(kind, line))
                sections[-1].lines.append(Line(inline.group(2), line.page, line.line))
                after_inline = True
                continue
        sections[-1].lines.append(line)
    return sections


def is_bullet(text: str) -> bool:
    s = text.lstrip()
    return bool(s) and (s[0] in "•·▪●◦‣►■□➢✓✔*" or bool(_DASH_BULLET.match(s)))


def strip_bullet(text: str) -> str:
    return _BULLET_PREFIX.sub("", text).strip()
