"""Checking, in code, that what a model says about the user is in the CV.

A claim is grounded when its normalised words appear in the CV text
(case, accents, punctuation and "&"/"and" ignored), or, for a skill, when
the taxonomy finds the same skill in the CV under another alias. Claims are
taken both from what the model lists and from the text itself (skills the
taxonomy spots, years, "N years", capitalised names after "at", "for",
"joined", titles after "as a"), so an unlisted invention is caught too.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

_NON_WORD = re.compile(r"[^\w+#]+")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
_YEARS_OF = re.compile(r"\b(\d{1,2})\+?\s*(?:years|yrs)\b", re.IGNORECASE)
_NAME = r"[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|&|of|and|de|von))*"
_EMPLOYER = re.compile(rf"\b(?:at|for|joined|with|from)\s+(?:the\s+)?({_NAME})")
_TITLE = re.compile(rf"\bas\s+(?:an?\s+|the\s+)?({_NAME})")
_CAPITALISED = re.compile(r"(?<![\w'’-])(?:[A-Z][\w+#.&-]*[\w+#]|[A-Z])")
_NOT_NAMES = {"I", "CV", "AI", "The", "A", "An", "And", "Or", "In", "At", "Of"}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ")
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class Claim:
    kind: str  # skill, employer, title, date
    value: str

    def __str__(self) -> str:
        return f"{self.kind} '{self.value}'"


class CvEvidence:
    """The CV text, prepared for fast "is this in the CV?" questions."""

    def __init__(self, cv_text: str, profile: dict[str, Any] | None = None) -> None:
        self.text = cv_text
        self._norm = f" {normalise(cv_text)} "
        self._years = set(_YEAR.findall(cv_text))
        self._taxonomy = _taxonomy()
        self._skill_ids = {m.skill.id for m in self._find_skills(cv_text)}
        experience = (profile or {}).get("years_experience")
        self._years_experience = float(experience) if isinstance(experience, int | float) else None

    def has(self, phrase: str) -> bool:
        key = normalise(phrase)
        return bool(key) and f" {key} " in self._norm

    def has_skill(self, name: str) -> bool:
        if self.has(name):
            return True
        if self._taxonomy is None:
            return False
        skill = self._taxonomy.skill_by_name(name)
        return skill is not None and skill.id in self._skill_ids

    def evidence(self, phrase: str) -> str | None:
        """The CV line that shows ``phrase`` (for a skill the model added)."""
        key = f" {normalise(phrase)} "
        for line in self.text.splitlines():
            if key in f" {normalise(line)} ":
                return line.strip()[:300]
        return None

    def supports(self, claim: Claim) -> bool:
        if claim.kind == "skill":
            return self.has_skill(claim.value)
        if claim.kind == "date":
            years = _YEARS_OF.fullmatch(claim.value.strip())
            if years:
                return self._years_supported(int(years.group(1)))
            found = _YEAR.findall(claim.value)
            if found:
                return all(y in self._years for y in found)
        return self.has(claim.value)

    def _years_supported(self, count: int) -> bool:
        if self._years_experience is not None and count <= self._years_experience + 1:
            return True
        return self.has(f"{count} years") or self.has(f"{count}+ years")

    def _find_skills(self, text: str) -> list[Any]:
        if self._taxonomy is None:
            return []
        try:
            return self._taxonomy.find_skills(text)
        except Exception:  # a matcher bug must not stop the check: plain text matching remains
            log.warning("skill matcher failed; grounding uses text matching", exc_info=True)
            return []

    # ------------------------------------------------------------------ free text

    def claims_in(self, text: str) -> list[Claim]:
        """The checkable claims a piece of free text makes."""
        claims = [
            Claim("skill", text[m.start : m.end])
            for m in self._find_skills(text)
            if _is_hard_skill_mention(m, text[m.start : m.end])
        ]
        claims += [Claim("date", y) for y in _YEAR.findall(text)]
        claims += [Claim("date", m.group(0)) for m in _YEARS_OF.finditer(text)]
        for sentence in split_sentences(text):
            # Capitalised words inside a sentence are names: employers, places, products.
            # (The first word is capitalised anyway; skills and employers there are caught
            # by the taxonomy and the "at/for/joined" patterns.)
            for match in _CAPITALISED.finditer(sentence):
                word = match.group(0).rstrip(".")
                if match.start() > 0 and word not in _NOT_NAMES:
                    claims.append(Claim("name", word))
        for kind, pattern in (("employer", _EMPLOYER), ("title", _TITLE)):
            for match in pattern.finditer(text):
                for name in re.split(r"\s+and\s+|,\s*", match.group(1)):
                    name = name.strip(" .,;:")
                    if name:
                        claims.append(Claim(kind, name))
        return claims

    def unsupported(self, text: str, listed: Iterable[Claim] = ()) -> list[Claim]:
        """Claims in ``text`` (found, or listed by the model and named there) the CV lacks."""
        lowered = normalise(text)
        mine = self.claims_in(text)
        named = [c for c in listed if normalise(c.value) and normalise(c.value) in lowered]
        bad = []
        for claim in [*mine, *named]:
            if claim not in bad and not self.supports(claim):
                bad.append(claim)
        return bad

    def ground_text(self, text: str, listed: Iterable[Claim] = ()) -> tuple[str, list[Claim]]:
        """``text`` without the sentences that make unsupported claims, and those claims."""
        listed = list(listed)
        kept, dropped = [], []
        for sentence in split_sentences(text):
            bad = self.unsupported(sentence, listed)
            if bad:
                dropped.extend(c for c in bad if c not in dropped)
            else:
                kept.append(sentence)
        return " ".join(kept).strip(), dropped


#: Soft skills are opinions, not facts a CV can show or refute.
_SOFT_CATEGORIES = {"Soft skills", "Management & leadership"}


def _is_hard_skill_mention(mention: Any, surface: str) -> bool:
    """Worth checking: a hard skill, and an acronym alias only when written in capitals."""
    skill = mention.skill
    if skill.category in _SOFT_CATEGORIES:
        return False
    forms = (skill.name, *skill.aliases)
    exact = [f for f in forms if f.lower() == surface.lower()]
    acronym = any(f.isupper() and len(f) <= 5 for f in exact)
    return surface.isupper() or not acronym


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]


def _taxonomy():  # type: ignore[no-untyped-def]
    try:
        from app.profiling.taxonomy import load_taxonomy

        return load_taxonomy()
    except Exception:  # grounding still works on plain text without the skill list
        log.warning("skill taxonomy unavailable; grounding uses text matching only", exc_info=True)
        return None
