"""Certifications, languages and references."""

from __future__ import annotations

import re

from app.profiling.models import Certification, Language, Referee, References
from app.profiling.parse.contact import EMAIL_RE, find_phones, looks_like_name, pretty_name
from app.profiling.parse.dates import find_dates
from app.profiling.parse.sections import Line, is_bullet, strip_bullet

LANGUAGES = {
    w.lower(): w
    for w in [
        "English", "Spanish", "French", "German", "Italian", "Portuguese", "Dutch", "Polish",
        "Romanian", "Russian", "Ukrainian", "Czech", "Slovak", "Hungarian", "Greek", "Turkish",
        "Arabic", "Hebrew", "Persian", "Farsi", "Urdu", "Hindi", "Punjabi", "Bengali", "Gujarati",
        "Tamil", "Telugu", "Marathi", "Malayalam", "Kannada", "Nepali", "Sinhala", "Mandarin",
        "Cantonese", "Chinese", "Japanese", "Korean", "Vietnamese", "Thai", "Indonesian", "Malay",
        "Tagalog", "Filipino", "Swahili", "Yoruba", "Igbo", "Hausa", "Amharic", "Somali", "Zulu",
        "Afrikaans", "Swedish", "Norwegian", "Danish", "Finnish", "Icelandic", "Irish", "Welsh",
        "Scottish Gaelic", "Catalan", "Basque", "Galician", "Serbian", "Croatian", "Bosnian",
        "Slovenian", "Bulgarian", "Lithuanian", "Latvian", "Estonian", "Albanian", "Macedonian",
        "Armenian", "Georgian", "Kurdish", "Pashto", "Dari", "Tigrinya", "Latin",
        "British Sign Language", "BSL", "American Sign Language", "ASL", "Sign Language",
        "Creole", "Haitian Creole", "Twi", "Shona", "Lingala",
    ]
}
_LEVEL = re.compile(
    r"\b(native(?: speaker)?|mother tongue|first language|bilingual|fluent|fluency|proficient|"
    r"professional(?: working)?(?: proficiency)?|full professional|working knowledge|"
    r"conversational|intermediate|advanced|upper[- ]intermediate|basic|beginner|elementary|"
    r"limited(?: working)?|good|excellent|business level|[ABC][12])\b",
    re.IGNORECASE,
)
_LANG_IN_TEXT = re.compile(
    r"\b(?i:fluent|bilingual|proficient|conversational)\s+(?:in\s+)?([A-Z][a-z]+)"
    r"(?:\s+and\s+([A-Z][a-z]+))?|\b(?i:native)\s+([A-Z][a-z]+)\s+speaker"
    r"|\b([A-Z][a-z]+)\s*(?:\(|[-–—:]\s*)"
    r"((?i:native|fluent|bilingual|proficient|conversational))\b",
)
#: Words that name who issued a certificate: "Registered Nurse, Arizona State Board of
#: Nursing" is one certification, not two.
_ISSUER = re.compile(
    r"\b(?:board|association|council|institute|society|department|commission|college|"
    r"university|authority|agency|academy|federation)\b",
    re.IGNORECASE,
)
_REFEREES = re.compile(r"\breferee|\breferences?\b", re.IGNORECASE)
_ON_REQUEST = re.compile(
    r"(?:available|provided|supplied|furnished|given)\s+(?:up)?on\s+request|on\s+request",
    re.IGNORECASE,
)


def parse_certifications(lines: list[Line]) -> list[tuple[Certification, Line]]:
    out = []
    for line, text in _join_wrapped(lines):
        if len(text) < 2:
            continue
        parts = [p.strip() for p in re.split(r"\s*[;|•]\s*", text) if p.strip()]
        short_items = all(len(p.split()) <= 5 for p in text.split(","))
        dated = re.search(r",\s*(?:19|20)\d\d\b", text)
        issued = any(_ISSUER.search(re.sub(r"\([^)]*\)", "", p)) for p in text.split(",")[1:])
        if len(parts) == 1 and "," in text and short_items and not dated and not issued:
            parts = [p.strip() for p in text.split(",") if p.strip()]
        for part in parts:
            dates = find_dates(part)
            name = part
            date = None
            if dates:
                date = dates[-1][0].iso()
                a, b = dates[-1][1]
                name = (part[:a] + part[b:]).strip(" ,-–—()|:")
                name = re.sub(r"\s*[-–—(,:]\s*(?:expires?|expiry|valid until|obtained|issued)?\s*$",
                              "", name, flags=re.I)
            if name.count("(") > name.count(")"):
                name += ")"
            if len(name) >= 2:
                out.append((Certification(name=name, date=date), line))
    return out


def _join_wrapped(lines: list[Line]) -> list[tuple[Line, str]]:
    """Rejoin a line wrapped in a narrow column: "NMC registered (PIN" + "12A3456E)"."""
    out: list[tuple[Line, str]] = []
    for line in lines:
        text = strip_bullet(line.text)
        if not text:
            continue
        if out and not is_bullet(line.text) and (
            out[-1][1].count("(") > out[-1][1].count(")")
            or text[0].islower()
            or out[-1][1].endswith((",", "&", "-", " and", " of", " in"))
        ):
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
        else:
            out.append((line, text))
    return out


def parse_languages(lines: list[Line]) -> list[tuple[Language, Line]]:
    out: list[tuple[Language, Line]] = []
    seen: set[str] = set()
    for line in lines:
        text = strip_bullet(line.text)
        for item in re.split(r"\s*(?:[,;|•/&]|\band\b)\s*(?![^()]*\))", text):
            found = _language_in(item)
            if found and found.lower() not in seen:
                seen.add(found.lower())
                level = _LEVEL.search(item)
                out.append((Language(name=found, level=level.group(1) if level else None), line))
    return out


def languages_in_prose(lines: list[Line]) -> list[tuple[Language, Line]]:
    """'Fluent in Spanish and English', 'native Polish speaker' outside a languages section."""
    out = []
    for line in lines:
        for m in _LANG_IN_TEXT.finditer(line.text):
            if m.group(4):  # "Spanish (fluent)", "Polish – native"
                level = m.group(5).lower()
            else:
                level = "native" if m.group(3) else m.group(0).split()[0].lower()
            for name in (m.group(1), m.group(2), m.group(3), m.group(4)):
                if name and name.lower() in LANGUAGES:
                    out.append((Language(name=LANGUAGES[name.lower()], level=level), line))
    return out


def _language_in(item: str) -> str | None:
    words = re.findall(r"[A-Za-z]+", item)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            candidate = " ".join(words[i : i + size]).lower()
            if candidate in LANGUAGES:
                return LANGUAGES[candidate]
    return None


def parse_references(lines: list[Line], all_lines: list[Line]) -> References:
    refs = References()
    for line in all_lines:
        if _REFEREES.search(line.text) and _ON_REQUEST.search(line.text):
            refs.available_on_request = True
            refs.source = refs.source or _src(line)
    body = [ln for ln in lines if ln.text.strip()]
    if body and all(_ON_REQUEST.search(ln.text) for ln in body[:1]) and len(body) <= 2:
        refs.available_on_request = True
        refs.source = refs.source or _src(body[0])
        return refs
    current: Referee | None = None
    for line in body:
        text = strip_bullet(line.text)
        name_part = re.split(r"\s*[,|–—]\s*", text)[0]
        if looks_like_name(name_part) and not is_bullet(line.text):
            current = Referee(name=pretty_name(name_part), source=_src(line))
            rest = text[len(name_part) :].strip(" ,|–—")
            current.details = rest or None
            refs.referees.append(current)
            continue
        if current is None:
            continue
        email = EMAIL_RE.search(text)
        phones = find_phones(text)
        if email and not current.email:
            current.email = email.group()
        if phones and not current.phone:
            current.phone = phones[0]
        if not email and not phones:
            current.details = f"{current.details}; {text}" if current.details else text
    return refs


def _src(line: Line):
    from app.profiling.models import Source

    return Source(page=line.page, line=line.line)
