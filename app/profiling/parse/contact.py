"""Contact details: name, headline, e-mail, phone, location and links.

Searched first in the header (lines before the first heading) and a contact
section, then in the rest of the CV, never in the references section: a
referee's phone number is not the candidate's. Outside the header a name must
share a word with the e-mail address or a link ("DANIEL OSEI" and
daniel.osei@...), so a skills line ("Languages Python"), a licence
("Professional Engineer") or an employer is not taken for it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from app.profiling.parse.places import address_place, area_and_city, find_place
from app.profiling.parse.sections import Line, Section, heading_kind
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
        "lane", "drive", "services", "group", "company", "trust", "council", "gmbh", "ag",
        "corp", "co", "pty", "bv", "llp",
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
    more: list[Line] = field(default_factory=list)  # further lines of it: a name on two lines


@dataclass
class Contact:
    name: Found | None = None
    headline: Found | None = None
    emails: list[Found] = field(default_factory=list)
    phones: list[Found] = field(default_factory=list)
    location: Found | None = None
    links: list[tuple[str, Found]] = field(default_factory=list)  # (kind, url)

    def lines(self) -> set[int]:
        """Numbers of the lines that hold the name and the headline."""
        found = [f for f in (self.name, self.headline) if f is not None]
        return {ln.line for f in found for ln in (f.line, *f.more)}


def parse_contact(sections: list[Section], taxonomy: Taxonomy) -> Contact:
    """Contact details of a CV split into sections; the references are left out."""
    header = [ln for s in sections if s.kind in ("header", "contact") for ln in s.lines]
    rest = [ln for s in sections if s.kind not in ("header", "contact", "references")
            for ln in s.lines]  # fmt: skip
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
    handles = [f.value.split("@")[0] for f in contact.emails]
    handles += [found.value.rsplit("/", 1)[-1] for _, found in contact.links]
    contact.name = _name(header, taxonomy)
    if contact.name is None and handles:
        contact.name = _name([ln for ln in rest if ln.text.strip()][:15], taxonomy, handles)
    if contact.name is not None:
        contact.headline = _headline(header + rest[:15], contact.name, sections, taxonomy)
    contact.location = _location(header, contact.name)
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
    # "Languages Python": a label and its list, as moderncv lays out skills
    if heading_kind(s) is not None or heading_kind(words[0]) is not None:
        return False
    if find_place(s) is not None:
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


def _name(lines: list[Line], taxonomy: Taxonomy, handles: list[str] | None = None) -> Found | None:
    """The first line that reads as a name. `handles` (e-mail and profile names), when
    given, must share a word with it."""
    for line in lines[:25]:
        label = _NAME_LABEL.match(line.text)
        if label and looks_like_name(label.group(1), taxonomy):
            return Found(pretty_name(label.group(1)), line)
    filled = [ln for ln in lines[:25] if ln.text.strip()]
    for i, line in enumerate(filled):
        following = filled[i + 1] if i + 1 < len(filled) else None
        for candidate, more in _name_candidates(line, following):
            if looks_like_name(candidate, taxonomy) and _in_handles(candidate, handles):
                return Found(pretty_name(candidate), line, more)
    return None


def _name_candidates(line: Line, following: Line | None) -> list[tuple[str, list[Line]]]:
    """The line, its first part, and a name broken over two lines in a large header font
    ("Marcus" / "Whitaker, P.E."); each without a nickname or post-nominal letters."""
    text = line.text.strip()
    out = [(_bare_name(text), []), (_bare_name(_SEPARATORS.split(text)[0]), [])]
    if (
        following is not None
        and following.line - line.line <= 2
        and _NAME_WORD.fullmatch(text)
        and text.lower() not in _NOT_NAME_WORDS
    ):
        surname = _SEPARATORS.split(_bare_name(following.text.strip()))[0]
        if _NAME_WORD.fullmatch(surname):  # one word: "ACME" / "John Smith" is no name
            out.append((f"{text} {surname}", [following]))
    return out


def _bare_name(text: str) -> str:
    """ 'RAYMOND "RAY" DELGADO' -> "RAYMOND DELGADO"; "Kayla Brooks, CPhT" -> "Kayla Brooks"."""
    return without_post_nominals(_NICKNAME.sub("", text))


def _in_handles(name: str, handles: list[str] | None) -> bool:
    if handles is None:
        return True
    words = [w for w in re.findall(r"[a-z]+", _fold(name)) if len(w) >= 3]
    return any(w in _fold(handle) for w in words for handle in handles)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def without_post_nominals(text: str) -> str:
    """ "PRIYA RAMANATHAN ACA" -> "PRIYA RAMANATHAN"; "Amanda L. Nguyen, RN, BSN" ->
    "Amanda L. Nguyen"; "Kayla Brooks, CPhT" -> "Kayla Brooks". Keeps at least two
    words: "Dr Ma" stays, and "Smith, JOHN" is a surname first."""
    head, *tail = text.split(",")
    full_name = len(head.split()) >= 2
    if tail and not all(_is_post_nominal(w, after_name=full_name) for t in tail for w in t.split()):
        return text
    words = head.split()
    while len(words) > 2 and _is_post_nominal(words[-1]):
        words.pop()
    return " ".join(words)


def _is_post_nominal(word: str, *, after_name: bool = False) -> bool:
    """Letters after a name: a known set ("RN", "PMP"), dotted initials ("P.E.", "Ph.D."),
    and, after a comma that follows a full name, any short token with two capitals
    ("CPhT", "CDA", "RDH") that is not a roman numeral ("John Smith, III")."""
    w = word.strip(" ,()")
    if w.replace(".", "").upper() in POST_NOMINALS or _DOTTED.fullmatch(w):
        return True
    return (
        after_name
        and bool(_CREDENTIAL.fullmatch(w))
        and sum(c.isupper() for c in w) >= 2
        and not _ROMAN.fullmatch(w)
    )


def _headline(lines: list[Line], name: Found, sections: list[Section], taxonomy: Taxonomy):
    """The job title written next to the name ("Registered Nurse"), if any; not the
    letters after the name ("RN"), and "Job applied for" when the CV says so.

    A title the taxonomy knows may stand on the name's line or the two after it; an
    unknown one ("Chief Operating Officer") only on the name's line or the next, and
    only when it ends in a word that names a role."""
    for i, line in enumerate(lines):
        if _JOB_APPLIED.match(line.text):
            value = line.text.split(":", 1)[1] if ":" in line.text else ""
            if not value.strip() and i + 1 < len(lines):
                line, value = lines[i + 1], lines[i + 1].text
            if 1 < len(value.strip()) <= 60:
                return Found(value.strip(), line)
    for n, line in enumerate(_near_name(name, sections)[:3]):
        for part in _SEPARATORS.split(line.text.strip()):
            part = part.strip()
            if not 1 < len(part) <= 60 or "@" in part:
                continue
            if all(_is_post_nominal(w) for w in part.split()):
                continue
            named = looks_like_name(part, taxonomy)
            if n == 0 and named:
                continue  # the name itself
            if (taxonomy.match_title(part) is not None and not named) or (
                n <= 1 and _bare_title(part)
            ):
                return Found(part, line)
    return None


def _near_name(name: Found, sections: list[Section]) -> list[Line]:
    """The name's line and the lines after it up to the next heading."""
    last = max(ln.line for ln in (name.line, *name.more))
    for section in sections:
        if any(ln is name.line for ln in section.lines):
            after = [ln for ln in section.lines if ln.line > last and ln.text.strip()]
            return [name.line, *after]
    return [name.line]


def _bare_title(text: str) -> bool:
    """A job title the taxonomy may not know: capitalised words with a role noun at the
    end or before "of" ("Chief Operating Officer", "Head of Operations")."""
    words = text.replace("/", " / ").split()
    if not 1 <= len(words) <= 6 or _DIGIT.search(text) or ":" in text:
        return False
    if not all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words):
        return False
    if heading_kind(text) is not None or find_place(text) is not None:
        return False
    roles = [i for i, w in enumerate(words) if w.lower().strip(".,") in _ROLE_NOUNS]
    return any(i == len(words) - 1 or words[i + 1].lower() == "of" for i in roles)


def _location(lines: list[Line], name: Found | None) -> Found | None:
    for line in lines:
        label = _LABEL.match(line.text)
        if label:
            value = label.group(1).strip(" ,")
            return Found(address_place(value) or value, line)
    for line in lines:
        text = EMAIL_RE.sub(" ", URL_RE.sub(" ", line.text))
        for part in _split_keep_pairs(text):
            # a phone number, not a street: "+48 601 234 567" but not "12/4, 00-590 Warszawa"
            if re.search(r"\d{6,}", _PHONE_GLUE.sub("", part)) or len(part) > 120:
                continue
            if name is not None and pretty_name(_bare_name(part)) == name.value:
                continue  # "Jane Doe, MD": a doctor, not a town in Maryland
            place = address_place(part)
            if place is not None:
                return Found(place, line)
            found = find_place(part) if len(part) <= 60 else None
            if found is not None:
                return Found(area_and_city(part) or found[0], line)
    return None


def _split_keep_pairs(text: str) -> list[str]:
    """Split a contact line on separators other than the comma in "City, ST"."""
    return [p for p in re.split(r"\s*(?:[|•·▪●◦;]|\s{3,}|\s[-–—]\s)\s*", text) if p.strip()]


_NICKNAME = re.compile(  # 'RAYMOND "RAY" DELGADO', "Robert (Bob) Hale"
    r"""\s+(?:"[^"]{1,20}"|“[^”]{1,20}”|'[^']{1,20}'|‘[^’]{1,20}’|\([^()]{1,20}\))(?=\s|$)"""
)
_DOTTED = re.compile(r"(?:[A-Za-z]{1,2}\.){2,4}")  # "P.E.", "Ph.D.", "M.D."
_CREDENTIAL = re.compile(r"[A-Za-z][A-Za-z\-]{1,7}")
_ROMAN = re.compile(r"[IVX]+")
#: Words a job title ends with (or has before "of"): enough to accept "Chief Operating
#: Officer" under a name when the taxonomy does not know it.
_ROLE_NOUNS = {
    "officer", "manager", "director", "engineer", "developer", "designer", "analyst",
    "consultant", "specialist", "assistant", "technician", "technologist", "nurse", "teacher",
    "lecturer", "professor", "researcher", "scientist", "president", "executive", "lead",
    "leader", "head", "coordinator", "administrator", "advisor", "adviser", "architect",
    "accountant", "auditor", "chef", "cook", "driver", "operative", "operator", "paralegal",
    "lawyer", "attorney", "solicitor", "barrister", "clerk", "representative", "agent",
    "associate", "supervisor", "partner", "founder", "owner", "programmer", "editor", "writer",
    "producer", "therapist", "pharmacist", "physician", "doctor", "surgeon", "dentist",
    "hygienist", "electrician", "plumber", "carpenter", "welder", "mechanic", "fitter",
    "worker", "inspector", "planner", "buyer", "strategist", "economist", "statistician",
    "marketer", "recruiter", "generalist", "practitioner", "counsellor", "counselor",
    "psychologist", "librarian", "tutor", "instructor", "trainer", "coach", "chemist",
    "physicist", "biologist", "student", "graduate", "intern", "apprentice", "trainee",
    "chair", "secretary", "receptionist", "cashier", "principal", "surveyor", "estimator",
    "foreman", "superintendent", "controller", "treasurer", "investigator", "carer",
    "caregiver", "aide", "midwife", "paramedic", "dietitian", "optometrist", "veterinarian",
    "translator", "interpreter", "journalist", "photographer", "artist", "animator",
    "illustrator", "expert", "entrepreneur", "ceo", "cfo", "coo", "cto",
}  # fmt: skip
_TITLE_SMALL = {"of", "and", "&", "/", "for", "in", "the", "to", "-", "–"}

