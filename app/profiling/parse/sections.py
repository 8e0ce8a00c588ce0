"""Lines with provenance, and CV sections whatever their heading wording.

A heading is a short line made only of heading words ("Work History",
"Core Competencies", "LICENCES & CERTIFICATIONS", "Referees") with at least one
keyword that names a section. Requiring *every* word to be a heading word keeps
"Excellent communication skills" from becoming a heading. "Skills: Python,
SQL" is an inline heading: a section whose first line is the rest.

When a heading holds keywords of several kinds, the most specific wins: a
structured kind ("Licensure & Certifications", "Education & Training") before
the catch-all "other", and "information"/"details" name a contact block only
beside "contact" or "personal" ("Personal Information", not "Other Information").
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
    ("certifications", "cpd certifications certification certificates certificate certs licenses "
     "licences license licence licensure licensing accreditations accreditation credentials "
     "registrations registration tickets cards clearances clearance courses"),
    ("languages", "languages language tongue tongues"),
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
    ("contact", "contact details information informations info"),
    ("other", "other memberships affiliations associations additional miscellaneous "
     "extracurricular"),
    # German, French and Spanish CVs
    ("certifications", "zertifikate zertifizierungen weiterbildung weiterbildungen "
     "fortbildungen certificaciones cursos"),
    ("languages", "sprachen sprachkenntnisse langues idiomas"),
    ("education", "ausbildung schulbildung bildung bildungsweg studium formation formations "
     "diplômes formación educación estudios"),
    ("experience", "berufserfahrung erfahrung werdegang expérience expériences "
     "experiencia"),
    ("skills", "kenntnisse fähigkeiten kompetenzen compétences habilidades competencias "
     "conocimientos"),
    ("summary", "profil perfil"),
    ("interests", "interessen hobbys loisirs intérêt intereses aficiones"),
    ("references", "referenzen"),
    ("contact", "kontakt daten coordonnées datos"),
    ("other", "sonstiges divers"),
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
        "summary", "main", "further", "continuing", "development", "course", "short",
        "spoken", "language", "foreign", "tech", "digital", "functional", "qualifications",
        "awards", "&", "+", "/", "at", "a", "glance", "job", "trade", "special",
        "specialised", "specialized", "core", "mother", "native", "board", "state", "security",
        "registered", "current", "active", "valid", "safety", "health", "first", "aid",
        "communication", "organisational", "organizational", "managerial", "interpersonal",
        "berufliche", "beruflicher", "persönliche", "edv", "professionnelle", "professionnelles",
        "techniques", "centres", "centre", "d", "laboral", "profesional", "académica",
        "personales", "técnicas", "personnelles", "und", "et", "y",
    ]
)
# Kinds a heading names only when nothing more specific is in it.
_WEAK = {"other", "contact"}
_CONTACT_WORDS = {
    "contact", "personal", "kontakt", "persönliche", "coordonnées", "personnelles", "personales",
}  # fmt: skip
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
    words = _HEADING_WORD.findall(stripped.replace("’", "'").replace("(s)", "s"))
    if not words or len(words) > 6:
        return None
    lowered = [w.lower() for w in words]
    keywords = [_KEYWORDS[w] for w in lowered if w in _KEYWORDS]
    if any(w not in _KEYWORDS and w not in _MODIFIERS for w in lowered):
        return None
    if lowered[:2] in (["professional", "development"], ["continuing", "professional"]):
        return "certifications"
    if lowered[:2] == ["professional", "qualifications"]:  # ACA, CIPD: not schooling
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
    strong = [k for k in keywords if k not in _WEAK]
    if strong:
        return strong[0]
    if "contact" in keywords and _CONTACT_WORDS & set(lowered):
        return "contact"
    return "other"


_NOT_HEADING_START = set("•·▪●◦‣►■□➢✓✔*(@+") | set("abcdefghijklmnopqrstuvwxyz")
_PUA_BULLET = re.compile("^(\\s*)[\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf075]\\s*")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\u200b]")  # icon-font glyphs, zero-width spaces
_DIGIT = re.compile(r"\d")
_SPACED = re.compile(r"(?:[A-Za-z] ){3,}[A-Za-z]")
_HEADING_WORD = re.compile(r"[^\W\d_]+|&|\+|/")
_DASH_BULLET = re.compile(r"[-–—o>]\s")
_BULLET_PREFIX = re.compile(r"^\s*(?:[•·▪●◦‣►■□➢✓✔*]+|[-–—o>](?=\s))\s*")
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,2}\s*(?:/|of)\s*\d{1,2}$|page\s+\d{1,2}$", re.I)
_CONTACT_LABEL = re.compile(
    r"(?:phone|tel|telephone|mobile|cell|email|e-mail|address|linkedin|github|website|web|"
    r"portfolio|location|[EMTP])$",
    re.IGNORECASE,
)
_INLINE = re.compile(r"^\s*([A-Za-z][A-Za-z &/]{2,40}?)\s*:\s*(\S.*)$")
REFEREES_RE = re.compile(r"\breferee|\breferences?\b", re.IGNORECASE)
ON_REQUEST_RE = re.compile(
    r"(?:available|provided|supplied|furnished|given)\s+(?:up)?on\s+request|on\s+request",
    re.IGNORECASE,
)


def is_on_request(text: str) -> bool:
    """ "References available on request." as a line of its own."""
    return len(text) <= 70 and bool(REFEREES_RE.search(text) and ON_REQUEST_RE.search(text))


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
        if is_on_request(strip_bullet(text)) and sections[-1].kind != "references":
            # A closing "References on request" under Skills is not a skill; what follows
            # it (a second column, say) still belongs where it was.
            resume = sections[-1].kind
            sections.append(Section("references", None, [line]))
            sections.append(Section(resume, None))
            continue
        inline = _INLINE.match(text)
        if inline and after_inline and heading_kind(inline.group(1)) is None:
            # "Certifications: OSHA 30" then "Phone: ...": the one-line section is over.
            contact = _CONTACT_LABEL.match(inline.group(1))
            sections.append(Section("contact" if contact else "other", None))
            sections[-1].lines.append(line)
            after_inline = False
            continue
        # Inside a contact block or a skills list, "Label: ..." is a sub-list, not a section;
        # "Qualification: ..." under Education is a field of the section it is in.
        if inline and sections[-1].kind not in ("contact", "skills"):
            kind = heading_kind(inline.group(1))
            if kind and kind not in ("contact", "summary", sections[-1].kind):
                sections.append(Section(kind, line))
                sections[-1].lines.append(Line(inline.group(2), line.page, line.line))
                after_inline = True
                continue
        sections[-1].lines.append(line)
    return sections


_EMPTY_BRACKETS = re.compile(
    r"\s*\(\s*(?:(?:exp|expires?|expiry|expiring|valid(?: until| to)?|renewed|obtained|issued|"
    r"awarded|completed|graduated|class of|since|from|until)\.?:?\s*)?[,;:\s]*\)",
    re.IGNORECASE,
)
_BRACKET_EDGE = re.compile(r"(\()\s*[,;:]\s*|\s*[,;:]\s*(\))")


def cut(text: str, start: int, end: int) -> str:
    """`text` without text[start:end] (a date), and without a bracket the cut left empty:
    "Manchester College (2013)" -> "Manchester College", "(exp. 2026)" -> ""."""
    text = _EMPTY_BRACKETS.sub("", text[:start] + "  " + text[end:])
    return _BRACKET_EDGE.sub(lambda m: m.group(1) or m.group(2), text)


def is_bullet(text: str) -> bool:
    s = text.lstrip()
    return bool(s) and (s[0] in "•·▪●◦‣►■□➢✓✔*" or bool(_DASH_BULLET.match(s)))


def strip_bullet(text: str) -> str:
    return _BULLET_PREFIX.sub("", text).strip()
