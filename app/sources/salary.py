"""What a salary is made of: the ``Salary`` range, and the currencies and amounts as
postings write them. The readers of free text (``salary_text``) and of structured fields
(``salary_fields``) share these; intervals are in ``salary_interval``.

Thousands may be separated by "," "." "'" or a space ("CHF 85'000"), or grouped the Indian
way ("₹12,00,000").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
            "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "CHF": "CHF", "R$": "BRL",
            "zł": "PLN", "kr": "SEK"}  # fmt: skip
CURRENCY_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "INR", "SEK", "NOK", "DKK",
                  "PLN", "NZD", "SGD", "BRL", "MXN", "CZK", "HUF", "ILS", "ZAR", "HKD")  # fmt: skip
# Above this an amount is a misread (a funding round, a typo, 1e300), not pay; a hundred
# times more for currencies whose unit is worth about a cent.
_MAX_AMOUNT = 5_000_000
_SMALL_UNITS = frozenset({"JPY", "INR", "HUF"})

# A currency mark as a regex: a symbol or an ISO code.
CURRENCY_PATTERN = r"(?:US\$|C\$|CA\$|A\$|AU\$|R\$|\$|€|£|¥|₹|" + "|".join(CURRENCY_CODES) + r")"


def number_pattern(n: str) -> str:
    """A regex for an amount's digits, ``n`` naming its groups: Indian grouping
    ("12,00,000"), then thousands all separated alike by , . ' or a space ("85,000" but
    not "85,000 401"), then plain digits."""
    return (
        r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?"
        rf"|\d{{1,3}}(?P<{n}sep>[,.\s'\u2019])\d{{3}}(?:(?P={n}sep)\d{{3}})*(?:[.,]\d{{1,2}})?"
        r"|\d+(?:[.,]\d{1,2})?"
    )


@dataclass(frozen=True, slots=True)
class Salary:
    """A pay range; ``min`` may equal ``max`` for a single amount, and either may be None
    ("up to $120k" has only a max, "from £25,000" only a min)."""

    min: float | None
    max: float | None
    currency: str | None
    interval: str | None


def to_number(raw: str) -> float | None:
    """The value of digits matched by ``number_pattern``, or None."""
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


def currency_code(token: str | None) -> str | None:
    """The ISO code for a currency symbol or code ("£" -> "GBP", "eur" -> "EUR"), or None."""
    if not token:
        return None
    upper = token.upper()
    if upper in CURRENCY_CODES:
        return upper
    return _SYMBOLS.get(token) or _SYMBOLS.get(upper)


def plausible_amount(amount: float, currency: str | None) -> bool:
    """Positive, finite and not too large to be pay (see ``_MAX_AMOUNT``)."""
    limit = _MAX_AMOUNT * (100 if currency in _SMALL_UNITS else 1)
    return math.isfinite(amount) and 0 < amount <= limit
