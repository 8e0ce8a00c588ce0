"""Languages and their levels: in a languages section ("Spanish (fluent)",
"English C1", "Bilingual: English and Spanish"), in prose ("Fluent in Spanish",
"native Polish speaker"), and where a Europass languages block ends.

Language names are also read as German, French and Spanish CVs write them
("Englisch", "anglais", "inglés").
"""

from __future__ import annotations

import re

from app.profiling.models import Language
from app.profiling.parse.sections import Line, Section, strip_bullet

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
# The same languages as German, French and Spanish CVs name them.
LANGUAGES.update(
    {
        alias: LANGUAGES[name]
        for name, aliases in {
            "english": "englisch anglais inglés",
            "german": "deutsch allemand alemán",
            "french": "französisch français francés",
            "spanish": "spanisch espagnol español castellano",
            "italian": "italienisch italien italiano",
            "portuguese": "portugiesisch portugais portugués",
            "polish": "polnisch polonais polaco",
            "russian": "russisch russe ruso",
            "turkish": "türkisch turc turco",
            "arabic": "arabisch arabe árabe",
            "dutch": "niederländisch néerlandais neerlandés",
        }.items()
        for alias in aliases.split()
    }
)
_LEVEL = re.compile(
    r"\b(native(?: speaker)?|mother tongue|first language|bilingual|fluent|fluency|proficient|"
    r"professional(?: working)?(?: proficiency)?|full professional|working knowledge|"
    r"conversational|intermediate|advanced|upper[- ]intermediate|basic|beginner|elementary|"
    r"limited(?: working)?|good|excellent|business level|[ABC][12]|"
    r"muttersprache|langue maternelle|lengua materna|nativo|nativa|fließend|courant|bilingue)\b",
    re.IGNORECASE,
)
_ITEMS = re.compile(r"\s*(?:[,;|•/&]|\band\b)\s*(?![^()]*\))")
_FILLER = re.compile(r"[\W_]+|\b(?:level|speaker|user|spoken|written)\b", re.IGNORECASE)
_CEFR = re.compile(r"\b[ABC][12]\b")
_NATIVE = re.compile(
    r"mother tongue|first language|native|muttersprache|langue maternelle|lengua materna|nativ[oa]",
    re.IGNORECASE,
)
_LANG_IN_TEXT = re.compile(
    r"\b(?i:fluent|bilingual|proficient|conversational)\s+(?:in\s+)?([A-Z][a-z]+)"
    r"(?:\s+and\s+([A-Z][a-z]+))?|\b((?i:native)\s+)?([A-Z][a-z]+)\s+speaker\b"
    r"|\b([A-Z][a-z]+)\s*(?:\(|[-–—:]\s*)"
    r"((?i:native|fluent|bilingual|proficient|conversational))\b"
    r"|\b(?i:speaks?)\s+(?:(?i:fluent)\s+)?([A-Z][a-z]+)",
)


def parse_languages(
    lines: list[Line], default_level: str | None = None
) -> list[tuple[Language, Line]]:
    """Languages with their level: "Spanish (fluent)", "English C1", "Bilingual: English and
    Spanish" (the label's level goes to every language after it). `default_level` is the
    level a heading gives ("Mother tongue(s)" -> native)."""
    out: list[tuple[Language, Line]] = []
    seen: set[str] = set()
    for line in lines:
        text = strip_bullet(line.text)
        label, colon, rest = text.partition(":")
        if not colon or len(label) > 40 or _language_in(label):  # "English: native, ..."
            label, rest = "", text
        label_level = language_level(label) or default_level
        for item in _ITEMS.split(rest):
            found = _language_in(item)
            if found and found.lower() not in seen:
                seen.add(found.lower())
                level = language_level(item) or label_level
                out.append((Language(name=found, level=level), line))
    return out


def language_level(text: str) -> str | None:
    """The level named in `text`: "C1", "fluent", "native" (for "mother tongue" too)."""
    m = _LEVEL.search(text)
    if m is None:
        return None
    level = m.group(1)
    if len(level) == 2:  # CEFR "c1"
        return level.upper()
    return "native" if _NATIVE.fullmatch(level.lower()) else level.lower()


def only_languages(text: str) -> bool:
    """ "English C1, German B2", "French (fluent)": languages and levels and nothing else."""
    items = [i for i in _ITEMS.split(strip_bullet(text)) if i.strip()]
    return bool(items) and all(
        _language_in(item) and not _FILLER.sub("", _LEVEL.sub("", _drop_language(item)))
        for item in items
    )


def _drop_language(item: str) -> str:
    found = _language_in(item) or ""
    return re.sub(re.escape(found), "", item, count=1, flags=re.IGNORECASE)


def is_language_line(text: str) -> bool:
    """A line that names a language or a level ("English C1", "Reading: B2", "Fluent")."""
    if _language_in(text) or _CEFR.search(text):
        return True
    return _LEVEL.search(text) is not None and len(_LEVEL.sub("", text).split()) <= 1


def end_language_blocks(sections: list[Section]) -> list[Section]:
    """A languages sub-section ends at its first line that is not about languages.

    Europass nests "Mother tongue(s)" / "Other language(s)" inside "PERSONAL SKILLS",
    then goes on with "Communication skills" and "Digital skills" under no heading the
    splitter knows: those lines go back to the section the languages interrupted. A
    sub-heading is told from a heading of the same rank by its case: "Mother tongue(s)"
    under "PERSONAL SKILLS" is one, "LANGUAGES" after "SKILLS" is not.
    """
    out: list[Section] = []
    parent: Section | None = None
    for section in sections:
        out.append(section)
        if section.kind != "languages":
            parent = section
            continue
        if parent is None or parent.heading is None or section.heading is None:
            continue
        if parent.heading.text.isupper() == section.heading.text.isupper():
            continue
        seen_language = False
        for i, line in enumerate(section.lines):
            text = strip_bullet(line.text)
            if not text:
                continue
            if is_language_line(text) or text[0].islower():
                seen_language = True
            elif seen_language:
                out.append(Section(parent.kind, None, section.lines[i:]))
                section.lines = section.lines[:i]
                break
    return out


def languages_in_prose(lines: list[Line]) -> list[tuple[Language, Line]]:
    """'Fluent in Spanish and English', 'native Polish speaker', 'Welsh speaker' outside a
    languages section."""
    out = []
    for line in lines:
        for m in _LANG_IN_TEXT.finditer(line.text):
            if m.group(5):  # "Spanish (fluent)", "Polish – native"
                names, level = (m.group(5),), m.group(6).lower()
            elif m.group(4):  # "(native) Welsh speaker"
                names, level = (m.group(4),), "native" if m.group(3) else None
            elif m.group(7):  # "speaks Punjabi"
                names, level = (m.group(7),), None
            else:
                names, level = (m.group(1), m.group(2)), m.group(0).split()[0].lower()
            for name in names:
                if name and name.lower() in LANGUAGES:
                    out.append((Language(name=LANGUAGES[name.lower()], level=level), line))
    return out


def _language_in(item: str) -> str | None:
    words = re.findall(r"[^\W\d_]+", item)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            candidate = " ".join(words[i : i + size]).lower()
            if candidate in LANGUAGES:
                return LANGUAGES[candidate]
    return None
