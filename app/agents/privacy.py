"""The privacy guard: personal data is taken out of the user's text before a model sees it.

Kinds: email, phone, address (street lines and postcodes), links (personal
URLs), referees (their names, and a "References" section as a whole). Each
has a switch in ``settings.privacy``; a model on a loopback address is
exempt unless ``redact_for_local_models`` is on. Only the user's own text
goes through here: job postings are public and are sent as they are.

The guard also remembers what it saw: kinds it removed go to the outbound
log as ``redacted``, kinds it found but was told to keep as ``sent``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app.core.settings import PrivacySettings

KINDS = ("email", "phone", "address", "links", "referees")
PLACEHOLDER = {
    "email": "[email removed]",
    "phone": "[phone removed]",
    "address": "[address removed]",
    "links": "[link removed]",
    "referees": "[referee removed]",
}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"\b(?:https?://|www\.)\S+"
    r"|\b(?:linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com|behance\.net|dribbble\.com"
    r"|medium\.com|stackoverflow\.com)/\S*",
    re.IGNORECASE,
)
# A run of digits with the usual separators; checked further in _is_phone.
_PHONE = re.compile(r"(?<![\w/])(?:\+|00)?\(?\d[\d\s().\-/]{5,}\d(?![\w/])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_STREET_WORDS = (
    r"Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Way|Court|Ct\.?"
    r"|Place|Pl\.?|Square|Sq\.?|Terrace|Close|Crescent|Gardens|Parkway|Highway|Hwy\.?"
)
_ADDRESS = re.compile(
    # 221B Baker Street / 1600 Amphitheatre Parkway, Apt 4
    rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:[A-Z][\w'.-]*\s+){{1,4}}(?:{_STREET_WORDS})\b(?:,?\s*(?:Apt|Suite|Unit|Flat)\.?\s*\w+)?"
    # Hauptstraße 5, Rue de Rivoli 10, Calle Mayor 3
    r"|\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer)\s+\d{1,4}\s?[a-z]?\b"
    r"|\b(?:Rue|Avenue|Calle|Via|Rua|Plaza)\s+(?:[\w'-]+\s+){0,3}\d{1,4}\b"
    # UK postcodes, US "ST 12345"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"
    r"|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"
)
_REFERENCES_HEADING = re.compile(
    r"^[ \t]*(?:references|referees|reference)[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE
)
_NEXT_HEADING = re.compile(
    r"^[ \t]*(?:work\s+)?(?:experience|employment|education|skills|projects|certifications?"
    r"|languages|interests|hobbies|publications|awards|summary|profile|volunteering|training"
    r"|courses|achievements)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ON_REQUEST = re.compile(r"available\s+(?:up)?on\s+request", re.IGNORECASE)


def _is_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if not 7 <= len(digits) <= 15:
        return False
    groups = re.findall(r"\d+", candidate)
    # "2019 - 2021", "2019/2021", "01.2019 - 03.2021": dates, not phone numbers.
    if all((len(g) == 4 and _YEAR.fullmatch(g)) or len(g) <= 2 for g in groups):
        return False
    return candidate.lstrip().startswith(("+", "00", "(")) or len(digits) >= 9 or len(groups) >= 2


def referees(profile: dict[str, Any]) -> list[dict[str, Any]]:
    """The referees, from the profile's ``references`` (``{"referees": [...]}`` or a plain list)."""
    refs = profile.get("references") or []
    if isinstance(refs, dict):
        refs = refs.get("referees") or []
    return [r if isinstance(r, dict) else {"name": r} for r in refs if r]


def referee_names(profile: dict[str, Any]) -> list[str]:
    names = [r.get("name") for r in referees(profile)]
    return [n.strip() for n in names if isinstance(n, str) and len(n.strip()) >= 3]


@dataclass
class Redactor:
    """Removes the kinds switched on; remembers which kinds it removed and which it let through."""

    enabled: frozenset[str]
    known: dict[str, list[str]] = field(default_factory=dict)
    redacted: set[str] = field(default_factory=set)
    sent: set[str] = field(default_factory=set)

    @classmethod
    def for_call(
        cls, privacy: PrivacySettings, *, local: bool, profile: dict[str, Any] | None = None
    ) -> Redactor:
        """The guard for one call: nothing switched on for a local model unless asked."""
        active = not local or privacy.redact_for_local_models
        switches = {
            "email": privacy.redact_email,
            "phone": privacy.redact_phone,
            "address": privacy.redact_address,
            "links": privacy.redact_links,
            "referees": privacy.redact_referees,
        }
        enabled = frozenset(k for k, on in switches.items() if on and active)
        return cls(enabled, known=known_values(profile or {}))

    def __call__(self, text: str | None) -> str:
        return self.clean(text)

    def clean(self, text: str | None) -> str:
        if not text:
            return text or ""
        text = self._references_section(text)
        for name in self.known.get("referees", []):
            text = self._replace_literal(text, name, "referees")
        for kind in ("email", "phone", "links"):
            for value in self.known.get(kind, []):
                text = self._replace_literal(text, value, kind)
        text = self._sub(_EMAIL, text, "email")
        text = self._sub(_URL, text, "links")
        text = self._sub(_PHONE, text, "phone", check=_is_phone)
        text = self._sub(_ADDRESS, text, "address")
        for value in self.known.get("address", []):
            text = self._replace_literal(text, value, "address")
        return text

    def clean_all(self, values: Iterable[str]) -> list[str]:
        return [self.clean(v) for v in values]

    def _found(self, kind: str) -> bool:
        """Note a find; True when it must be removed."""
        if kind in self.enabled:
            self.redacted.add(kind)
            return True
        self.sent.add(kind)
        return False

    def _sub(self, pattern: re.Pattern[str], text: str, kind: str, check=None) -> str:  # type: ignore[no-untyped-def]
        def replace(match: re.Match[str]) -> str:
            if check is not None and not check(match.group(0)):
                return match.group(0)
            return PLACEHOLDER[kind] if self._found(kind) else match.group(0)

        return pattern.sub(replace, text)

    def _replace_literal(self, text: str, value: str, kind: str) -> str:
        if not value or value.lower() not in text.lower():
            return text
        if not self._found(kind):
            return text
        return re.sub(re.escape(value), PLACEHOLDER[kind], text, flags=re.IGNORECASE)

    def _references_section(self, text: str) -> str:
        """A "References" section lists other people: all of it goes, up to the next heading."""
        heading = _REFERENCES_HEADING.search(text)
        if heading is None:
            return text
        start = heading.end()
        following = _NEXT_HEADING.search(text, start + 1)
        end = following.start() if following else len(text)
        body = text[start:end]
        if not body.strip() or (_ON_REQUEST.search(body) and len(body.strip()) < 60):
            return text
        if not self._found("referees"):
            return text
        return text[:start] + "\n" + PLACEHOLDER["referees"] + "\n" + text[end:]


def known_values(profile: dict[str, Any]) -> dict[str, list[str]]:
    """The profile's own contact details: removed wherever they appear, in any layout."""
    known: dict[str, list[str]] = {"email": [], "phone": [], "links": [], "address": []}
    for kind, key in (("email", "email"), ("phone", "phone")):
        value = profile.get(key)
        if isinstance(value, str) and len(value) >= 5:
            known[kind].append(value)
    for link in profile.get("links") or []:
        url = link.get("url") if isinstance(link, dict) else link
        if isinstance(url, str) and len(url) >= 6:
            known["links"].append(url)
    address = profile.get("address")
    if isinstance(address, str) and len(address) >= 6:
        known["address"].append(address)
    for ref in referees(profile):
        for kind in ("email", "phone"):
            value = ref.get(kind)
            if isinstance(value, str) and len(value) >= 5:
                known[kind].append(value)
    known["referees"] = referee_names(profile)
    return known
