"""Salary ranges from structured fields or from free text.

Text parsing needs a currency (symbol or ISO code) next to the amount, so that "401(k)",
"10 years" or "Series B" never read as pay. Amounts followed by "m"/"million"/"bn" are skipped
(funding rounds, revenue). When the text names no interval, the size of the amount decides:
at least 15,000 a year, 1,000-15,000 a month, up to 300 an hour, otherwise a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
            "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "CHF": "CHF", "R$": "BRL",
            "zł": "PLN", "kr": "SEK"}  # fmt: skip
_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "INR", "SEK", "NOK", "DKK", "PLN",
          "NZD", "SGD", "BRL", "MXN", "CZK", "HUF", "ILS", "ZAR", "HKD")  # fmt: skip

_INTERVAL_WORDS: list[tuple[str, str]] = [
    (r"(?:\b(?:per|an|a)\s+|/\s*)(?:hour|hr|h)\b|\bhourly|\bp/h\b|\bstunde|/\s*std\b", "hour"),
    (r"(?:\b(?:per|a)\s+|/\s*)(?:day|d)\b|\bdaily|\bday rate|\bpro tag\b", "day"),
    (r"(?:\b(?:per|a)\s+|/\s*)(?:week|wk)\b|\bweekly", "week"),
    (r"(?:\b(?:per|a)\s+|/\s*)(?:month|mo|mth)\b|\bmonthly|\bp\.?m\.?(?=\W|$)|\bmonat",
     "month"),
    (r"(?:\b(?:per|a)\s+|/\s*)(?:year|yr|annum|y)\b|\bannual(?:ly)?|\byearly|\bp\.?a\.?(?=\W|$)"
     r"|\bote\b|\bjahr|\bj\u00e4hrlich", "year"),
]  # fmt: skip
_INTERVAL_RES = [(re.compile(p, re.I), name) for p, name in _INTERVAL_WORDS]

_CUR = r"(?:US\$|C\$|CA\$|A\$|AU\$|R\$|\$|€|£|¥|₹|" + "|".join(_CODES) + r")"
_NUM = r"\d{1,3}(?:[,.\s]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"


def _amount(n: str, k: str) -> str:
    return rf"(?P<{n}>{_NUM})(?![.,]?\d)\s*(?P<{k}>[kK](?![a-zA-Z]))?"


_DASH = r"\s*(?:-|–|—|to|bis|à)\s*"
_TAIL_STOP = r"(?!\s*(?:m\b|mm\b|mn\b|million|bn\b|billion|b\b|%|\+?\s*years?))"

_CUR_RE = re.compile(r"[$€£¥₹]|\b(?:" + "|".join(_CODES) + r")\b")
_RANGE_RE = re.compile(
    rf"(?P<c1>{_CUR})?\s*{_amount('a', 'ak')}\s*(?P<c2>{_CUR})?"
    rf"(?:{_DASH}(?P<c3>{_CUR})?\s*{_amount('b', 'bk')}\s*(?P<c4>{_CUR})?)?"
    rf"{_TAIL_STOP}",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Salary:
    """A pay range; ``min`` may equal ``max`` for a single amount."""

    min: float | None
    max: float | None
    currency: str | None
    interval: str | None


def _to_number(raw: str) -> float | None:
    s = raw.replace(" ", "").replace("\u00a0", "")
    if "," in s and "." in s:
        # The later separator is the decimal one: "1.234,56" or "1,234.56".
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s or "." in s:
        sep = "," if "," in s else "."
        tail = s.rpartition(sep)[2]
        if len(tail) == 3:  # thousands separator(s): "120,000", "45.000"
            s = s.replace(sep, "")
        else:  # decimal: "45,50", "45.5"
            s = s.replace(",", ".") if sep == "," else s
            if s.count(".") > 1:
                return None
    try:
        return float(s)
    except ValueError:
        return None


def _currency(token: str | None) -> str | None:
    if not token:
        return None
    upper = token.upper()
    if upper in _CODES:
        return upper
    return _SYMBOLS.get(token) or _SYMBOLS.get(upper)


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


def parse_salary_text(text: str | None) -> Salary | None:
    """The first pay range with a currency in ``text``, or None.

    >>> parse_salary_text("$120k–$150k")
    Salary(min=120000.0, max=150000.0, currency='USD', interval='year')
    """
    if not text:
        return None
    # The range regex may start at any digit, which is slow on long descriptions: look
    # only around the currency marks.
    for hit in _CUR_RE.finditer(text):
        start = max(0, hit.start() - 30)
        chunk = text[start : hit.end() + 60]
        found = _first_salary(chunk, text, start)
        if found is not None:
            return found
    return None


def _first_salary(chunk: str, text: str, offset: int) -> Salary | None:
    for m in _RANGE_RE.finditer(chunk):
        cur = _currency(m.group("c1") or m.group("c2") or m.group("c3") or m.group("c4"))
        if cur is None:
            continue
        a = _to_number(m.group("a"))
        b = _to_number(m.group("b")) if m.group("b") else None
        if a is None:
            continue
        k_a, k_b = bool(m.group("ak")), bool(m.group("bk"))
        if k_a or (k_b and a < 1000):
            a *= 1000
        if b is not None and k_b:
            b *= 1000
        lo, hi = (a, b) if b is not None else (a, a)
        if hi < lo:
            lo, hi = hi, lo
        if lo <= 0 or hi > 5_000_000:
            continue
        end, begin = offset + m.end(), offset + m.start()
        interval = interval_from_text(text[end : end + 40]) or interval_from_text(
            text[max(0, begin - 25) : begin]
        )
        if interval is None:
            interval = "year" if (k_a or k_b) else guess_interval(hi)
        return Salary(lo, hi, cur, interval)
    return None


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


def salary_from_fields(
    min_value: object, max_value: object, currency: object, interval: object
) -> Salary | None:
    """A ``Salary`` from structured fields, tolerating strings, blanks and NaN."""

    def num(v: object) -> float | None:
        if v is None or v == "":
            return None
        try:
            f = float(v) if not isinstance(v, str) else _to_number(v.strip())
        except (TypeError, ValueError):
            return None
        if f is None or f != f or f <= 0:  # NaN from pandas-written CSVs
            return None
        return f

    lo, hi = num(min_value), num(max_value)
    if lo is None and hi is None:
        return None
    lo = lo if lo is not None else hi
    hi = hi if hi is not None else lo
    if lo is not None and hi is not None and hi < lo:
        lo, hi = hi, lo
    cur = str(currency).strip().upper() if currency and str(currency).strip() else None
    if cur is not None and cur not in _CODES:
        cur = _currency(str(currency).strip()) or (cur if len(cur) == 3 else None)
    interval_name = normalize_interval(str(interval)) if interval else None
    if interval_name is None and hi is not None:
        interval_name = guess_interval(hi)
    return Salary(lo, hi, cur, interval_name)


_ANNUAL = {"year": 1.0, "month": 12.0, "week": 52.0, "day": 260.0, "hour": 2080.0}


def annualize(amount: float | None, interval: str | None) -> float | None:
    """Yearly equivalent of an amount (hours: 2080 a year, days: 260)."""
    if amount is None:
        return None
    return amount * _ANNUAL.get(interval or "year", 1.0)
