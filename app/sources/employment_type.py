"""Employment type: "FULL_TIME", "Full-time", "Teilzeit", "PRN" ... to one of
full_time, part_time, contract, temporary or internship.

The patterns are tried in order and the first that matches wins, so an "internship
(part-time)" is an internship and a "contract, full-time" role a contract.
"""

from __future__ import annotations

import re
from typing import Any

_EMPLOYMENT = [
    (re.compile(r"\bintern(?:ship)?s?\b|werkstudent|working student|trainee|apprentice|praktik",
                re.I),
     "internship"),
    (re.compile(r"part[\s_-]?time|teilzeit|minijob", re.I), "part_time"),
    (re.compile(r"contract|freelanc|contractor|consultant|b2b", re.I), "contract"),
    # As-needed shifts (PRN, per diem, casual, bank, on call) are not a steady job either.
    (re.compile(r"temp(?:orary)?\b|fixed[\s_-]?term|seasonal|\bbefristet|\bprn\b|per[\s_-]?diem|"
                r"\bcasual\b|\bbank\b|\bon[\s_-]?call\b|as[\s_-]needed", re.I), "temporary"),
    (re.compile(r"full[\s_-]?time|permanent|vollzeit|regular|salaried|festanstellung", re.I),
     "full_time"),
]  # fmt: skip


def employment_type(value: Any) -> str | None:
    """Normalise "FULL_TIME", "Full-time", "fulltime", ["PART_TIME"] ... to one name."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        for item in value:
            found = employment_type(item)
            if found:
                return found
        return None
    text = str(value).strip()
    if not text:
        return None
    for regex, name in _EMPLOYMENT:
        if regex.search(text):
            return name
    return None
