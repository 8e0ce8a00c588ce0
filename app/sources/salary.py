"""Salary ranges from structured fields or from free text.

Text parsing needs a currency (symbol or ISO code) next to the amount, so that "401(k)",
"10 years" or "Series B" never read as pay. Amounts followed by "m"/"million"/"bn" are skipped
(funding rounds, revenue).

A posting's text often names other money too ("$10,000 sign-on bonus", "$500 referral
bonus", "a $1,000 learning budget"), so every amount is weighed, not just the first:

- an amount named as a bonus, stipend, allowance, relocation, referral, tuition,
  commission, contribution or budget is never pay;
- in a description, an amount counts only with evidence that it is pay: a range, a pay word
  just before or after ("Salary", "Pay is", "hourly rate", "base"), a stated interval
  ("/hr", "per annum") or the size of a year's pay ("£45,000", "$90k"). The one with the
  most evidence wins (pay words weigh most), then the earliest. A lone "$500" or "$2,000"
  is not pay: its interval would be a guess from nothing;
- in a salary field (a "Salary:" line, a compensation summary) the field itself says it is
  pay, so a lone amount is enough.

Thousands may be separated by "," "." "'" or a space ("CHF 85'000"), or grouped the Indian
way ("₹12,00,000"). "Up to $120k" gives only a maximum and "From £25,000" only a minimum.
When the text names no interval, the size of the amount decides: at least 15,000 a year,
1,000-15,000 a month, up to 300 an hour, otherwise a day; amounts with "k" are yearly.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
            "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "CHF": "CHF", "R$": "BRL",
            "zł": "PLN", "kr": "SEK"}  # fmt: skip
_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "INR", "SEK", "NOK", "DKK", "PLN",
          "NZD", "SGD", "BRL", "MXN", "CZK", "HUF", "ILS", "ZAR", "HKD")  # fmt: skip
# Above this an amount is a misread (a funding round, a typo, 1e300), not pay; a hundred
# times more for currencies whose unit is worth about a cent.
_MAX_AMOUNT = 5_000_000
_SMALL_UNITS = frozenset({"JPY", "INR", "HUF"})

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

_CUR = r"(?:US\$|C\$|CA\$|A\$|AU\$|R\$|\$|€|£|¥|₹|" + "|".join(_CODES) + r")"


def _number(n: str) -> str:
    """Indian grouping ("12,00,000"), then thousands all separated alike by , . ' or a
    space ("85,000" but not "85,000 401"), then plain digits."""
    return (
        r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?"
        rf"|\d{{1,3}}(?P<{n}sep>[,.\s'\u2019])\d{{3}}(?:(?P={n}sep)\d{{3}})*(?:[.,]\d{{1,2}})?"
        r"|\d+(?:[.,]\d{1,2})?"
    )


def _amount(n: str, k: str) -> str:
    # Never start inside a number ("5.000" of "55.000"), never end inside one.
    return rf"(?<![\d.,'\u2019])(?P<{n}>{_number(n)})(?![.,]?\d)\s*(?P<{k}>[kK](?![a-zA-Z]))?"


_DASH = r"\s*(?:-|–|—|to|bis|à)\s*"
_TAIL_STOP = r"(?!\s*(?:m\b|mm\b|mn\b|million|bn\b|billion|b\b|%|\+?\s*years?))"

_CUR_RE = re.compile(r"[$€£¥₹]|\b(?:" + "|".join(_CODES) + r")\b")
_RANGE_RE = re.compile(
    rf"(?P<c1>{_CUR})?\s*{_amount('a', 'ak')}\s*(?P<c2>{_CUR}(?!\s*\d))?"
    rf"(?:{_DASH}(?P<c3>{_CUR})?\s*{_amount('b', 'bk')}\s*(?P<c4>{_CUR}(?!\s*\d))?)?"
    rf"{_TAIL_STOP}",
    re.I,
)

# Words around an amount. A clause ends at a sentence end, a line break, a comma between
# words or a "+", so "Salary $90k + bonus" keeps its pay and "Pay: $20/hr, $500 bonus"
# gives the bonus its own clause.
_CLAUSE_END_RE = re.compile(r"[.!?;](?=\s|$)|\n|,(?![\d-])|\+")
_NOT_PAY_RE = re.compile(
    r"\b(?:bonus(?:es)?|stipends?|allowances?|relocation|referral|tuition|reimburs\w*|"
    r"incentives?|retention|commissions?|budget|contributions?|sign[- ]?on|signing|gift)\b",
    re.I,
)
_PAY_RE = re.compile(
    r"\b(?:salary|salaries|pay|pays|paying|compensation|rate|wages?|base|earn\w*|income|"
    r"gehalt|lohn|verg\u00fctung|salaris|salaire|r\u00e9mun\u00e9ration|sueldo|salario)\b",
    re.I,
)
_WEAK_PAY_RE = re.compile(r"\b(?:ote|on[- ]target)\b", re.I)  # pay, but not the base
_WORD_RE = re.compile(r"[^\W\d_][\w-]*")
_AND_RE = re.compile(r"\b(?:plus|and|with|or|incl\w*)\b|&", re.I)
_UP_TO_RE = re.compile(r"\b(?:up ?to|max(?:imum)?\.?|bis zu|jusqu'?\s?[àa]|hasta)\s*:?\s*$", re.I)
_FROM_RE = re.compile(
    r"\b(?:from|starting(?: at| from)?|starts at|at least|min(?:imum)?\.?|ab|"
    r"[àa] partir de|desde)\s*:?\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Salary:
    """A pay range; ``min`` may equal ``max`` for a single amount, and either may be None
    ("up to $120k" has only a max, "from £25,000" only a min)."""

    min: float | None
    max: float | None
    currency: str | None
    interval: str | None


def _to_number(raw: str) -> float | None:
    s = re.sub(r"[\s'\u2019]", "", raw)
    if "," in s and "." in s:
        # The later separator is the decimal one: "1.234,56" or "1,234.56".
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s or "." in s:
        sep = "," if "," in s else "."
        tail = s.rpartition(sep)[2]
        if len(tail) == 3:  # thousands separator(s): "120,000", "45.000", "12,00,000"
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


def _plausible(amount: float, currency: str | None) -> bool:
    limit = _MAX_AMOUNT * (100 if currency in _SMALL_UNITS else 1)
    return math.isfinite(amount) and 0 < amount <= limit


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


def parse_salary_text(
    text: str | None,
    *,
    field: bool = False,
    currency: str | None = None,
    interval: str | None = None,
) -> Salary | None:
    """The pay range in ``text``, or None (see the module docstring for the rules).

    Args:
        field: ``text`` is a salary field, not a description: a lone amount is pay, and
            with ``currency`` given (another column) the amount needs no currency mark.
        currency, interval: used when the text names none (a file's other columns).

    >>> parse_salary_text("$120k–$150k")
    Salary(min=120000.0, max=150000.0, currency='USD', interval='year')
    """
    if not text:
        return None
    best: tuple[int, Salary] | None = None
    for evidence, pay in _candidates(text, field=field, currency=currency, interval=interval):
        if best is None or evidence > best[0]:  # the earliest among equals
            best = (evidence, pay)
    if best is None or (not field and best[0] == 0):
        return None
    return best[1]


def _matches(text: str, field: bool) -> list[re.Match[str]]:
    if field and len(text) <= 300:
        return list(_RANGE_RE.finditer(text))
    # The range regex may start at any digit, which is slow on long descriptions: look
    # only around the currency marks.
    found: dict[int, re.Match[str]] = {}
    for hit in _CUR_RE.finditer(text):
        pos, end = max(0, hit.start() - 30), min(len(text), hit.end() + 120)
        while (m := _RANGE_RE.search(text, pos, end)) is not None and m.start() <= hit.start():
            if m.end() < end or end == len(text):  # not cut short by the window
                found.setdefault(m.start(), m)
            pos = m.end()
    return [found[k] for k in sorted(found)]


def _candidates(
    text: str, *, field: bool, currency: str | None, interval: str | None
) -> list[tuple[int, Salary]]:
    """Every amount or range that is not named as other money, with its evidence of
    being pay (a pay word 2; a range, a stated interval, "OTE", a year-sized amount 1)."""
    out = []
    for m in _matches(text, field):
        cur = _currency(m.group("c1") or m.group("c2") or m.group("c3") or m.group("c4"))
        written = cur is not None
        if not written and not (field and currency):
            continue
        cur = cur or _currency(currency) or (currency.upper() if currency else None)
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
        if not (_plausible(lo, cur) and _plausible(hi, cur)):
            continue
        plus = text.startswith("+", m.end()) and not text[m.end() - 1].isspace()  # "$19+/hr"
        before = _clause_before(text, m.start())
        tail = _clause_after(text, m.end() + plus)
        # The next amount has its own words; "401(k)" is no amount.
        after = re.split(r"\d", tail, maxsplit=1)[0]
        own = _AND_RE.split(_CUR_RE.split(tail, maxsplit=1)[0], maxsplit=1)[0]
        after_words = " ".join(_WORD_RE.findall(own)[:3])
        if _names_other_money(before, after_words):
            continue
        stated = interval_from_text(after) or interval_from_text(before[-25:])
        evidence = (
            2 * bool(_PAY_RE.search(before) or _PAY_RE.search(after_words))
            + (b is not None)
            + (stated is not None)
            + bool(_WEAK_PAY_RE.search(before))
            + (k_a or k_b or hi >= 15000)  # the size of a year's pay
        )
        if not written and not (evidence or hi >= 1000 or k_a):
            continue  # "25 days holiday" in a salary column is not 25 GBP an hour
        period = stated or interval or ("year" if (k_a or k_b) else guess_interval(hi))
        low: float | None = lo
        high: float | None = hi
        if b is None and _UP_TO_RE.search(before):
            low = None
        elif b is None and (plus or _FROM_RE.search(before)):
            high = None
        out.append((evidence, Salary(low, high, cur, period)))
    return out


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - 40) : start]
    ends = list(_CLAUSE_END_RE.finditer(window))
    return window[ends[-1].end() :] if ends else window


def _clause_after(text: str, end: int) -> str:
    window = text[end : end + 40]
    stop = _CLAUSE_END_RE.search(window)
    return window[: stop.start()] if stop else window


def _names_other_money(before: str, after_words: str) -> bool:
    """True when the words next to an amount call it a bonus, stipend, budget...

    After the amount only its first three words count ("$5,000 relocation bonus", not
    "$90k plus bonus"); before it, the nearest keyword decides ("sign-on bonus of $5,000",
    but "Bonus eligible. Salary $90k").
    """
    if _NOT_PAY_RE.search(after_words):
        return True
    keywords = [(m.start(), True) for m in _NOT_PAY_RE.finditer(before)]
    keywords += [(m.start(), False) for m in _PAY_RE.finditer(before)]
    return bool(keywords) and max(keywords)[1]


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


_FIELD_AMOUNT_RE = re.compile(
    rf"^\s*(?P<c1>{_CUR})?\s*(?P<n>{_number('n')})\s*(?P<k>[kK])?\s*(?P<c2>{_CUR})?\s*$", re.I
)


def _field_number(value: object) -> tuple[float | None, str | None]:
    """An amount field as a number, and the currency written in it ("$45,000", "50k")."""
    if value is None or value == "" or isinstance(value, bool):
        return None, None
    if isinstance(value, (int, float)):
        return float(value), None
    m = _FIELD_AMOUNT_RE.match(str(value))
    if m is None:
        return None, None
    number = _to_number(m.group("n"))
    if number is not None and m.group("k"):
        number *= 1000
    return number, _currency(m.group("c1") or m.group("c2"))


def salary_from_fields(
    min_value: object, max_value: object, currency: object, interval: object
) -> Salary | None:
    """A ``Salary`` from structured fields, tolerating strings ("$45,000", "50k"), blanks,
    NaN and absurd values (dropped). Only one of min and max may be given."""
    lo, lo_cur = _field_number(min_value)
    hi, hi_cur = _field_number(max_value)
    cur = str(currency).strip() if currency is not None and str(currency).strip() else None
    if cur is not None:
        code = cur.upper()
        cur = code if code in _CODES else _currency(cur) or (code if len(code) == 3 else None)
    cur = cur or lo_cur or hi_cur
    lo = lo if lo is not None and _plausible(lo, cur) else None
    hi = hi if hi is not None and _plausible(hi, cur) else None
    if lo is None and hi is None:
        return None
    if lo is not None and hi is not None and hi < lo:
        lo, hi = hi, lo
    interval_name = normalize_interval(str(interval)) if interval else None
    if interval_name is None:
        interval_name = guess_interval(hi if hi is not None else lo)  # type: ignore[arg-type]
    return Salary(lo, hi, cur, interval_name)


def salary_from_value(value: Any, *, currency: Any = None, interval: Any = None) -> Salary | None:
    """Pay from one loosely typed "salary" value of a file: text ("$50k - $60k"), a number
    (55000, with the currency and interval from other columns) or an object
    ({"min": ..., "max": ..., "currency": ...}, schema.org's minValue/maxValue too)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return salary_from_fields(value, value, currency, interval)
    if isinstance(value, dict):

        def get(*keys: str) -> Any:
            return next((value[k] for k in keys if value.get(k) not in (None, "")), None)

        inner = value.get("value")
        if isinstance(inner, dict):  # schema.org MonetaryAmount
            return salary_from_value(
                inner, currency=value.get("currency") or currency, interval=interval
            )
        lo = get("min", "minimum", "minValue", "min_value", "from", "low")
        hi = get("max", "maximum", "maxValue", "max_value", "to", "high")
        if lo is None and hi is None:
            lo = hi = get("amount", "value")
        return salary_from_fields(
            lo,
            hi,
            get("currency", "currencyCode", "currency_code") or currency,
            get("interval", "period", "unit", "unitText", "per") or interval,
        )
    if isinstance(value, str):
        return parse_salary_text(
            value,
            field=True,
            currency=str(currency) if currency else None,
            interval=normalize_interval(str(interval)) if interval else None,
        )
    return None


_ANNUAL = {"year": 1.0, "month": 12.0, "week": 52.0, "day": 260.0, "hour": 2080.0}


def annualize(amount: float | None, interval: str | None) -> float | None:
    """Yearly equivalent of an amount (hours: 2080 a year, days: 260)."""
    if amount is None:
        return None
    return amount * _ANNUAL.get(interval or "year", 1.0)
