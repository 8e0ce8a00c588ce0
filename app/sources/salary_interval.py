"""Pay intervals (year, month, week, day, hour): named in text, named by a source's
field, guessed from the size of an amount, and turned into a yearly figure."""

from __future__ import annotations

import re

_INTERVAL_WORDS: list[tuple[str, str]] = [
    (r"(?:\b(?:per|an|a)\s+|/\s*)(?:hour|hr|h)\b|\bhourly|\bp/h\b|\bstunde|/\s*std\b", "hour"),
    (r"(?:\b(?:per|a)\s+|/\s*)(?:day|d)\b|\bdaily|\bday rate|\bpro tag\b", "day"),
    (r"(?:\b(?:per|a)\s+|/\s*)(?:week|wk)\b|\bweekly", "week"),
    (r"(?:\b(?:per|a)\s+|/\s*)(?:month|mo|mth)\b|\bmonthly|\bp\.?m\.?(?=\W|$)|\bmonat",
     "month"),
    (r"(?:\b(?:per|a)\s+|/\s*)(?:year|yr|annum|y)\b|\bannual(?:ly)?|\byearly|\bp\.?a\.?(?=\W|$)"
     r"|\bjahr|\bj\u00e4hrlich", "year"),
]  # fmt: skip
_INTERVAL_RES = [(re.compile(p, re.I), name) for p, name in _INTERVAL_WORDS]


def interval_from_text(text: str) -> str | None:
    """The pay interval named in ``text`` ("per annum", "/hour", "monthly"), if any."""
    for regex, name in _INTERVAL_RES:
        if regex.search(text):
            return name
    return None


def guess_interval(amount: float) -> str:
    """Interval implied by the size of an amount when the text names none."""
    if amount >= 15000:
        return "year"
    if amount >= 1000:
        return "month"
    if amount <= 300:
        return "hour"
    return "day"


_STRUCTURED_INTERVALS = {
    "year": "year", "yearly": "year", "annual": "year", "annually": "year", "1 year": "year",
    "per-year-salary": "year", "per year": "year", "y": "year",
    "month": "month", "monthly": "month", "1 month": "month", "per-month-salary": "month",
    "week": "week", "weekly": "week", "1 week": "week", "per-week-salary": "week",
    "day": "day", "daily": "day", "1 day": "day", "per-day-wage": "day",
    "hour": "hour", "hourly": "hour", "1 hour": "hour", "per-hour-wage": "hour",
}  # fmt: skip


def normalize_interval(value: str | None) -> str | None:
    """Map Lever ("per-year-salary"), Ashby ("1 YEAR"), schema.org ("YEAR") and JobSpy
    ("yearly") interval names onto year/month/week/day/hour."""
    if not value:
        return None
    key = str(value).strip().lower()
    if key in _STRUCTURED_INTERVALS:
        return _STRUCTURED_INTERVALS[key]
    return interval_from_text(key)


_ANNUAL = {"year": 1.0, "month": 12.0, "week": 52.0, "day": 260.0, "hour": 2080.0}


def annualize(amount: float | None, interval: str | None) -> float | None:
    """Yearly equivalent of an amount (hours: 2080 a year, days: 260)."""
    if amount is None:
        return None
    return amount * _ANNUAL.get(interval or "year", 1.0)
