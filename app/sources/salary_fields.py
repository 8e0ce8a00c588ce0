"""Pay from structured fields (a source's min / max / currency / interval) and from the
loosely typed "salary" value of a file (text, a number or an object)."""

from __future__ import annotations

import re
from typing import Any

from app.sources.salary import (
    CURRENCY_CODES,
    CURRENCY_PATTERN,
    Salary,
    currency_code,
    number_pattern,
    plausible_amount,
    to_number,
)
from app.sources.salary_interval import guess_interval, normalize_interval
from app.sources.salary_text import parse_salary_text

_FIELD_AMOUNT_RE = re.compile(
    rf"^\s*(?P<c1>{CURRENCY_PATTERN})?\s*(?P<n>{number_pattern('n')})\s*(?P<k>[kK])?"
    rf"\s*(?P<c2>{CURRENCY_PATTERN})?\s*$",
    re.I,
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
    number = to_number(m.group("n"))
    if number is not None and m.group("k"):
        number *= 1000
    return number, currency_code(m.group("c1") or m.group("c2"))


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
        cur = (
            code
            if code in CURRENCY_CODES
            else currency_code(cur) or (code if len(code) == 3 else None)
        )
    cur = cur or lo_cur or hi_cur
    lo = lo if lo is not None and plausible_amount(lo, cur) else None
    hi = hi if hi is not None and plausible_amount(hi, cur) else None
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
