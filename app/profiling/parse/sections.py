"""Lines with provenance, and CV sections whatever their heading wording.

A heading is a short line made only of heading words ("Work History",
"Core Competencies", "LICENCES & CERTIFICATIONS", "Referees") with at least one
keyword that names a section. Requiring *every* word to be a heading word keeps
"Excellent communication skills" from becoming a heading. "Skills: Python,
SQL" is an inline heading: a section whose first line is the rest.

A heading is read like a noun phrase: its head noun, the last keyword, names
the section ("Research Experience" is experience, "Research Grants" awards,
"Academic Appointments" experience), and "Summary of Qualifications" reads as
"Qualifications Summary". Generic heads ("summary", "history", "details") take
the kind of the keyword before them ("Skills Summary", "Education History") and
their own only when there is none ("Career History", "Professional Summary").
Joined headings ("Licences & Certifications") are named by their first part.
A part after the first may carry other capitalised words ("CERTIFICATIONS &
DIRECTOR EDUCATION"); a work-history heading may too ("UX Experience"), but is
taken as a heading only when dates follow it (`split_sections`), so a skill
line "User Experience" stays a line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from app.profiling.parse.dates import find_range

# keyword -> section kind (a word in two lists keeps the first)
_KEYWORDS: dict[str, str] = {}
for _kind, _words in (
    ("volunteering", "volunteer volunteering voluntary"),
    ("references", "references referees reference referee"),
    ("certifications", "cpd certifications certification certificates certificate certs licenses "
     "licences license licence licensure licensing accreditations accreditation credentials "
     "registrations registration tickets cards clearances clearance courses endorsements"),
    ("languages", "languages language tongue tongues"),
    ("projects", "projects project portfolio"),
    ("education", "education educational qualifications qualification academic academics "
     "schooling studies degrees coursework training"),
    ("experience", "experience experiences employment work history background positions roles "
     "appointments placements internships jobs"),
    ("skills", "skills skill competencies competences competency expertise abilities strengths "
     "proficiencies technologies tools stack capabilities knowledge"),
    ("summary", "summary profile objective objectives about statement overview introduction bio "
     "biography"),
    ("awards", "awards award honours honors achievements accomplishments recognition prizes "
     "scholarships grants funding fellowships"),
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


@lru_cache(maxsize=4096)  # a line is asked about in several passes (sections, contact)
def heading_kind(text: str, *, loose: bool = False) -> str | None:
    """The section kind if `text` is a heading line, else None. `loose` also accepts a
    work-history heading with other capitalised words ("UX Experience"); the caller
    checks that dates follow it."""
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
    if not words or len(words) > 7:
        return None
    lowered = [w.lower() for w in words if w not in _JOINERS]
    if lowered == ["career"]:
        return "experience"
    if not any(w in _KEYWORDS or w in _HEAD_ONLY for w in lowered):
        return None
    parts = _parts(words)
    kinds = []
    for i, part in enumerate(parts):
        known = [w.lower() for w in part if _known(w)]
        if len(known) < len(part):  # other words: only before a keyword head, capitalised
            if not all(_known(w) or w[0].isupper() for w in part):
                return None
            if i == 0 and not (loose and _head_kind(known) == "experience"):
                return None
            if part[-1].lower() not in _KEYWORDS and part[-1].lower() not in _HEAD_ONLY:
                return None
        kinds.append(_head_kind(known))
    if lowered[:2] in (["professional", "development"], ["continuing", "professional"]):
        return "certifications"
    if lowered[:2] == ["professional", "qualifications"]:  # ACA, CIPD: not schooling
        return "certifications"
    if not parts:
        return None
    if [w.lower() for w in parts[0]] == ["training"] and len(parts) > 1 and kinds[1]:
        return kinds[1]  # "Training & Certifications"
    if kinds[0] == "volunteering" and "experience" in kinds[1:]:
        return "experience"  # "Volunteering & Work Experience"
    strong = [k for k in kinds if k and k not in _WEAK]
    if strong:
        return strong[0]
    if "contact" in kinds and _CONTACT_WORDS & set(lowered):
        return "contact"
    return "other" if any(kinds) else None


def _known(word: str) -> bool:
    w = word.lower()
    return w in _KEYWORDS or w in _MODIFIERS


def _parts(words: list[str]) -> list[list[str]]:
    """The joined parts of a heading ("Licences & Certifications"): a part with no keyword
    qualifies the next one ("Organisational / managerial skills")."""
    parts: list[list[str]] = [[]]
    for word in words:
        if word.lower() in _JOINERS:
            parts.append([])
        else:
            parts[-1].append(word)
    merged: list[list[str]] = []
    pending: list[str] = []
    for part in filter(None, parts):
        if any(w.lower() in _KEYWORDS or w.lower() in _HEAD_ONLY for w in part) or (
            not all(_known(w) for w in part)
        ):
            merged.append(pending + part)
            pending = []
        else:
            pending += part
    if pending:
        if not merged:
            return []
        merged[-1] += pending
    return merged


def _head_kind(words: list[str]) -> str | None:
    """The kind named by one part of a heading, read as a noun phrase (lower-case words)."""
    if "of" in words:  # "Summary of Qualifications" -> "Qualifications Summary"
        i = words.index("of")
        words = words[i + 1 :] + words[:i]
    if words and words[-1] in _HEAD_ONLY:
        return _HEAD_ONLY[words[-1]]
    keyed = [w for w in words if w in _KEYWORDS]
    if not keyed:
        return None
    kinds = [_KEYWORDS[w] for w in keyed]
    if "languages" in kinds:  # "Language Skills", but "Programming Languages"
        return "skills" if {"programming", "computer", "software"} & set(words) else "languages"
    if "volunteering" in kinds and kinds[-1] != "experience":
        return "volunteering"  # "Volunteer Work/Experience" are jobs, "Volunteering" is not
    head, kind = keyed[-1], kinds[-1]
    if head in _GENERIC_HEADS:
        # "Skills Summary", "Education History"; but "Qualifications Summary" is a summary
        named = [
            k for w, k in zip(keyed[:-1], kinds[:-1], strict=True)
            if k not in _WEAK and not (kind == "summary" and w.startswith("qualif"))
        ]  # fmt: skip
        if named:
            return named[-1]
    return kind


# Words that join the parts of a heading
_JOINERS = {"&", "+", "/", ",", "and", "und", "et", "y"}
# Heads that say "a summary/history of ...": the keyword before them names the section.
_GENERIC_HEADS = {
    "summary", "profile", "overview", "history", "background", "details", "information", "info",
    "informations",
}  # fmt: skip
# Words that name a section only as the last word ("SOFTWARE", not "Software Development").
_HEAD_ONLY = {"software": "skills"}


_NOT_HEADING_START = set("•·▪●◦‣►■□➢✓✔*(@+") | set("abcdefghijklmnopqrstuvwxyz")
_PUA_BULLET = re.compile("^(\\s*)[\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf075]\\s*")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\u200b]")  # icon-font glyphs, zero-width spaces
_DIGIT = re.compile(r"\d")
_SPACED = re.compile(r"(?:[A-Za-z] ){3,}[A-Za-z]")
_HEADING_WORD = re.compile(r"[^\W\d_]+|&|\+|/|,")
_DASH_BULLET = re.compile(r"[-–—o>]\s")
_BULLET_PREFIX = re.compile(r"^\s*(?:[•·▪●◦‣►■□➢✓✔*]+|[-–—o>](?=\s))\s*")
# "2 of 3", "Page 2", and a running header ending in one ("Jane Doe — Page 2")
_PAGE_NUMBER = re.compile(
    r"(?:page\s+)?\d{1,2}\s*(?:/|of)\s*\d{1,2}$"
    r"|(?:.{0,40}[\s|·•–—-])?page\s+\d{1,2}(?:\s*(?:/|of)\s*\d{1,2})?$",
    re.I,
)
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
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text or _PAGE_NUMBER.match(text):
            sections[-1].lines.append(line if not text else Line("", line.page, line.line))
            continue
        kind = heading_kind(text) or _work_heading(text, lines, i)
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


def _work_heading(text: str, lines: list[Line], i: int) -> str | None:
    """ "UX Experience", "Design Experience": a work-history heading with words of its own
    is one when an entry with dates follows it (a skill "User Experience" has none) and
    it does not continue an entry's header ("Head of Support" / "Customer Experience").
    `text` is lines[i]'s."""
    last = text.split()[-1].lower().strip(":")
    if _KEYWORDS.get(last) != "experience" or heading_kind(text, loose=True) != "experience":
        return None
    before = next((ln.text.strip() for ln in reversed(lines[:i]) if ln.text.strip()), "")
    if (
        before
        and not is_bullet(before)
        and len(before.split()) <= 8
        and not before.endswith((".", "!", "?", ":"))
        and not find_range(before)
        and not heading_kind(before)
    ):
        return None
    after = [ln.text for ln in lines[i + 1 :] if ln.text.strip()][:3]
    if not after or is_bullet(after[0]):
        return None
    return "experience" if any(find_range(t) for t in after) else None


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
