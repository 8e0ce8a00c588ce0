"""Contact details: name, e-mail, phone, location and links.

Searched first in the header (lines before the first heading) and a contact
section, then in the rest of the CV, never in the references section: a
referee's phone number is not the candidate's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.profiling.parse.places import UK_POSTCODE, area_and_city, find_place
from app.profiling.parse.sections import Line, heading_kind
from app.profiling.taxonomy import Taxonomy

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
PHONE_RE = re.compile(
    r"(?<![\w/+.])(?:\+\s?\d{1,3}[\s.\-]*)?(?:\(0?\d{1,5}\)[\s.\-]*)?\d[\d\s.\-]{6,16}\d(?![\w/])"
)
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s,;|<>()]+"
    r"|\b(?:[a-z]{2,3}\.)?(?:linkedin\.com|github\.com|gitlab\.com|behance\.net|dribbble\.com"
    r"|medium\.com|kaggle\.com|stackoverflow\.com|bitbucket\.org)/[^\s,;|<>()]+",
    re.IGNORECASE,
)
BARE_DOMAIN_RE = re.compile(
    r"(?<![@\w.])[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.(?:com|io|dev|me|net|org|co\.uk|site|page|app|design)"
    r"(?:/[^\s,;|]*)?(?![\w@])",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*(?:[|•·▪●◦,;]|\s{3,}|\s[-–—]\s)\s*")
_LABEL = re.compile(
    r"^\s*(?:address|location|based in|home|city|lives in|residence|anschrift|adresse|wohnort"
    r"|dirección|domicilio)\s*[:\-–]\s*(.+)$",
    re.I,
)
_NAME_LABEL = re.compile(r"^\s*(?:full\s+)?name\s*[:\-–]\s*(.+)$", re.I)
_NOT_NAME_WORDS = set(
    [
        "curriculum", "vitae", "resume", "résumé", "cv", "profile", "contact", "address", "phone",
        "email", "mobile", "tel", "linkedin", "github", "portfolio", "page", "references",
        "summary", "objective", "experience", "education", "skills", "ltd", "inc", "limited",
        "llc", "plc", "hospital", "university", "college", "school", "street", "road", "avenue",
        "lane", "drive", "services", "group", "company", "trust", "council",
    ]
)
_NON_DIGIT = re.compile(r"\D")
_DATE_IN_NUMBER = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_PAIRS = re.compile(r"0\d(?:([.\s])\d\d)(?:\1\d\d){3}")  # French "06.12.34.56.78"
_DIGIT = re.compile(r"\d")
_DIGIT_GROUP = re.compile(r"\d+")
_PHONE_GLUE = re.compile(r"[\s.\-()]")
#: Letters written after a name: degrees, licences, memberships ("Amanda Nguyen, RN, BSN",
#: "Priya Ramanathan ACA"). Compared in capitals, without dots.
POST_NOMINALS = {
    "RN", "BSN", "MSN", "DNP", "LPN", "LVN", "NP", "APRN", "CNA", "CRNA", "FNP", "RGN", "RMN",
    "PHD", "DPHIL", "MD", "DDS", "DMD", "PHARMD", "MBA", "MSC", "BA", "BSC", "BS", "MS", "MENG",
    "BENG", "MPH", "MSW", "LCSW", "JD", "LLB", "LLM", "CENG", "IENG", "MIET", "MIMECHE", "MICE",
    "MRICS", "FRICS", "FRCS", "MRCP", "MRCGP", "ACA", "FCA", "ACCA", "FCCA", "CIMA", "ACMA",
    "FCMA", "CGMA", "CPA", "CFA", "CMA", "CISA", "CISSP", "PMP", "PE", "EIT", "ESQ", "MCIPD",
    "CIPD", "FCIPD", "QTS", "MCSP", "HCPC", "FHEA", "SHRM-CP", "SHRM-SCP", "PHR", "SPHR",
    "CSCP", "CPIM", "AAT", "MAAT",
}  # fmt: skip
_JOB_APPLIED = re.compile(
    r"^\s*(?:job|position|post|role)\s+applied\s+for"
    r"|^\s*(?:desired|target)\s+(?:position|role|job)",
    re.IGNORECASE,
)
_NOT_IN_NAME = re.compile(r"[\d@/:|•]")
HONORIFIC_RE = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’.\-]*")
_PARTICLES = {"van", "von", "de", "da", "del", "der", "di", "la", "le", "du", "bin", "al", "ap"}


@dataclass
class Found:
    value: str
    line: Line


@dataclass
class Contact:
    name: Found | None = None
    headline: Found | None = None
    emails: list[Found] = field(default_factory=list)
    phones: list[Found] = field(default_factory=list)
    location: Found | None = None
    links: list[tuple[str, Found]] = field(default_factory=list)  # (kind, url)


def parse_contact(header: list[Line], rest: list[Line], taxonomy: Taxonomy) -> Contact:
    """`header`: header and contact-section lines; `rest`: other lines, references excluded."""
    contact = Contact()
    in_header = {id(line) for line in header}
    for line in header + rest:
        for m in EMAIL_RE.finditer(line.text) if "@" in line.text else ():
            if all(f.value.lower() != m.group().lower() for f in contact.emails):
                contact.emails.append(Found(m.group(), line))
        _links(line, contact, bare_domains=id(line) in in_header)
        for phone in find_phones(line.text):
            if all(_digits(f.value) != _digits(phone) for f in contact.phones):
                contact.phones.append(Found(phone, line))
    contact.name = _name(header + rest[:15], taxonomy)
    if contact.name is not None:
        contact.headline = _headline(header + rest[:15], contact.name.line, taxonomy)
    contact.location = _location(header)
    return contact


def find_phones(text: str) -> list[str]:
    if len(_DIGIT.findall(text)) < 9:  # no phone number is shorter
        return []
    out = []
    for m in PHONE_RE.finditer(text):
        value = m.group().strip(" .-")
        digits = _digits(value)
        if not 9 <= len(digits) <= 15:
            continue
        groups = _DIGIT_GROUP.findall(value)
        if 2 * sum(len(g) == 1 for g in groups) > len(groups):
            continue  # "9 8 8 7 7 6 6 5 5": grades, not a number
        if re.fullmatch(r"(?:19|20)\d\d\s*[-–.]\s*(?:19|20)\d\d(?:\s+\d+)?", value):
            continue  # a date range, not a number
        if _DATE_IN_NUMBER.search(value) and len(digits) <= 12 and not _PAIRS.fullmatch(value):
            continue  # a date, not "06.12.34.56.78"
        out.append(value)
    return out


def _digits(text: str) -> str:
    return _NON_DIGIT.sub("", text)


def _links(line: Line, contact: Contact, *, bare_domains: bool) -> None:
    text = line.text
    if "." not in text:
        return
    urls = [m.group() for m in URL_RE.finditer(text)] if "/" in text or "www" in text else []
    if bare_domains:
        masked = EMAIL_RE.sub(" ", URL_RE.sub(" ", text))
        urls += [m.group() for m in BARE_DOMAIN_RE.finditer(masked)]
    for url in urls:
        url = url.rstrip(".,)")
        low = url.lower()
        kind = (
            "linkedin" if "linkedin.com" in low
            else "github" if "github.com" in low
            else "other" if any(s in low for s in ("twitter.com", "x.com/", "facebook.com"))
            else "portfolio"
        )  # fmt: skip
        if all(found.value.lower() != low for _, found in contact.links):
            contact.links.append((kind, Found(url, line)))


def looks_like_name(text: str, taxonomy: Taxonomy | None = None) -> bool:
    s = text.strip().strip(",")
    if not s or len(s) > 40 or _NOT_IN_NAME.search(s):
        return False
    s = HONORIFIC_RE.sub("", s)
    words = s.replace(",", " ").split()
    if not 2 <= len(words) <= 4:
        return False
    for w in words:
        if w.lower() in _PARTICLES:
            continue
        if w.lower().strip(".") in _NOT_NAME_WORDS:
            return False
        if not _NAME_WORD.fullmatch(w):
            return False
    if heading_kind(s) is not None or find_place(s) is not None:
        return False
    if taxonomy is not None:
        if taxonomy.match_title(s) is not None:
            return False
        if any(m.end - m.start >= len(s) // 2 for m in taxonomy.find_skills(s)):
            return False
    return True


def pretty_name(text: str) -> str:
    s = HONORIFIC_RE.sub("", " ".join(text.strip().strip(",").split()))
    if s.isupper():
        s = " ".join(_title_word(w) for w in s.split())
    return s


def _title_word(word: str) -> str:
    w = word.capitalize()
    w = re.sub(r"(?<=[-'’])([a-z])", lambda m: m.group(1).upper(), w)
    return re.sub(r"^(Mc|Mac|O')([a-z])", lambda m: m.group(1) + m.group(2).upper(), w)


def _name(lines: list[Line], taxonomy: Taxonomy) -> Found | None:
    for line in lines[:25]:
        label = _NAME_LABEL.match(line.text)
        if label and looks_like_name(label.group(1), taxonomy):
            return Found(pretty_name(label.group(1)), line)
    for line in lines[:25]:
        text = line.text.strip()
        if not text:
            continue
        first = _SEPARATORS.split(text)[0]
        for candidate in (text, first):
            candidate = without_post_nominals(candidate)
            if looks_like_name(candidate, taxonomy):
                return Found(pretty_name(candidate), line)
    return None


def without_post_nominals(text: str) -> str:
    """ "PRIYA RAMANATHAN ACA" -> "PRIYA RAMANATHAN"; "Amanda L. Nguyen, RN, BSN" ->
    "Amanda L. Nguyen". Keeps at least two words: "Dr Ma" stays."""
    head, *tail = text.split(",")
    if tail and not all(_is_post_nominal(t) for t in tail if t.strip()):
        return text
    words = head.split()
    while len(words) > 2 and _is_post_nominal(words[-1]):
        words.pop()
    return " ".join(words)


def _is_post_nominal(word: str) -> bool:
    return word.strip(" ,()").replace(".", "").upper() in POST_NOMINALS


def _headline(lines: list[Line], name_line: Line, taxonomy: Taxonomy) -> Found | None:
    """The job title written next to the name ("Registered Nurse"), if any; not the
    letters after the name ("RN"), and "Job applied for" when the CV says so."""
    for i, line in enumerate(lines):
        if _JOB_APPLIED.match(line.text):
            value = line.text.split(":", 1)[1] if ":" in line.text else ""
            if not value.strip() and i + 1 < len(lines):
                line, value = lines[i + 1], lines[i + 1].text
            if 1 < len(value.strip()) <= 60:
                return Found(value.strip(), line)
    after = [ln for ln in lines if ln.line >= name_line.line and ln.text.strip()][:3]
    for line in after:
        for part in _SEPARATORS.split(line.text.strip()):
            if (
                1 < len(part) <= 60
                and "@" not in part
                and not all(_is_post_nominal(w) for w in part.split())
                and taxonomy.match_title(part) is not None
                and not looks_like_name(part, taxonomy)
            ):
                return Found(part.strip(), line)
    return None


def _location(lines: list[Line]) -> Found | None:
    for line in lines:
        label = _LABEL.match(line.text)
        if label:
            return Found(label.group(1).strip(" ,"), line)
    for line in lines:
        text = EMAIL_RE.sub(" ", URL_RE.sub(" ", line.text))
        for part in _split_keep_pairs(text):
            # a phone number, not a street: "+48 601 234 567" but not "12/4, 00-590 Warszawa"
            if re.search(r"\d{6,}", _PHONE_GLUE.sub("", part)) or len(part) > 60:
                continue
            place = find_place(part)
            if place is not None:
                if UK_POSTCODE.search(part):
                    return Found(part.strip(), line)
                return Found(area_and_city(part) or place[0], line)
    return None


def _split_keep_pairs(text: str) -> list[str]:
    """Split a contact line on separators other than the comma in "City, ST"."""
    return [p for p in re.split(r"\s*(?:[|•·▪●◦;]|\s{3,}|\s[-–—]\s)\s*", text) if p.strip()]
