"""Pay read from free text: a description, or the words of a salary field.

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
  is not pay: its interval would be a guess from nothing. The words before an amount are
  read from the end of the amount before it, so "OTE $140k (base $100k)" gives each its
  own words;
- on-target earnings ("OTE $140k", "$140k on-target") are pay, but the least certain: any
  other amount with evidence of being pay (the base) wins over them;
- in a salary field (a "Salary:" line, a compensation summary) the field itself says it is
  pay, so a lone amount is enough.

"Up to $120k" gives only a maximum and "From £25,000" only a minimum.
When the text names no interval, the size of the amount decides: at least 15,000 a year,
1,000-15,000 a month, up to 300 an hour, otherwise a day; amounts with "k" are yearly.
"""

from __future__ import annotations

import re

from app.sources.salary import (
    CURRENCY_CODES,
    CURRENCY_PATTERN,
    Salary,
    currency_code,
    number_pattern,
    plausible_amount,
    to_number,
)
from app.sources.salary_interval import guess_interval, interval_from_text


def _amount(n: str, k: str) -> str:
    # Never start inside a number ("5.000" of "55.000"), never end inside one.
    return (
        rf"(?<![\d.,'\u2019])(?P<{n}>{number_pattern(n)})(?![.,]?\d)"
        rf"\s*(?P<{k}>[kK](?![a-zA-Z]))?"
    )


_DASH = r"\s*(?:-|–|—|to|bis|à)\s*"
_TAIL_STOP = r"(?!\s*(?:m\b|mm\b|mn\b|million|bn\b|billion|b\b|%|\+?\s*years?))"

_CUR_RE = re.compile(r"[$€£¥₹]|\b(?:" + "|".join(CURRENCY_CODES) + r")\b")
_CUR = CURRENCY_PATTERN
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
    r"\b(?:salary|salaries|pay|pays|paying|compensation|rate|wages?|base|basic|earn\w*|income|"
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
    being pay (a pay word 2; a range, a stated interval, a year-sized amount 1; on-target
    earnings 1 in all)."""
    out = []
    previous_end = 0  # where the last amount with a currency ended
    for m in _matches(text, field):
        cur = currency_code(m.group("c1") or m.group("c2") or m.group("c3") or m.group("c4"))
        written = cur is not None
        if not written and not (field and currency):
            continue
        cur = cur or currency_code(currency) or (currency.upper() if currency else None)
        a = to_number(m.group("a"))
        b = to_number(m.group("b")) if m.group("b") else None
        if a is None:
            continue
        floor, previous_end = previous_end, m.end()
        k_a, k_b = bool(m.group("ak")), bool(m.group("bk"))
        if k_a or (k_b and a < 1000):
            a *= 1000
        if b is not None and k_b:
            b *= 1000
        lo, hi = (a, b) if b is not None else (a, a)
        if hi < lo:
            lo, hi = hi, lo
        if not (plausible_amount(lo, cur) and plausible_amount(hi, cur)):
            continue
        plus = text.startswith("+", m.end()) and not text[m.end() - 1].isspace()  # "$19+/hr"
        before = _clause_before(text, m.start(), floor)
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
            + (k_a or k_b or hi >= 15000)  # the size of a year's pay
        )
        if _WEAK_PAY_RE.search(before) or _WEAK_PAY_RE.search(after_words):
            evidence = 1  # pay, but every amount with evidence of being the base wins
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


def _clause_before(text: str, start: int, floor: int = 0) -> str:
    """The words of the clause before ``start``, not reaching back past ``floor`` (the
    end of the amount before) nor out of an open bracket ("£45k OTE (£28k basic)")."""
    window = text[max(0, start - 40, floor) : start]
    ends = list(_CLAUSE_END_RE.finditer(window))
    clause = window[ends[-1].end() :] if ends else window
    bracket = clause.rfind("(")
    return clause[bracket + 1 :] if bracket > clause.rfind(")") else clause


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
