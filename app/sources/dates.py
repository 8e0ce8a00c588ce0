"""Dates as sources give them (epoch seconds or ms, ISO 8601, RFC 822, free text) as
aware UTC datetimes."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from dateutil import parser as dateparser


def parse_date(value: Any) -> datetime | None:
    """An aware UTC datetime from epoch seconds/ms, ISO 8601, RFC 822 or a date string.

    Naive values are taken as UTC. Unparseable values give None, never an exception.
    """
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, (int, float)):
        if value != value or value <= 0:
            return None
        seconds = value / 1000 if value > 1e11 else value  # ms after 1973 vs s before 5138
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    else:
        text = str(value).strip()
        if not text:
            return None
        if text.isdigit():
            return parse_date(int(text))
        dt = _parse_date_text(text)
        if dt is None:
            return None
    if dt.tzinfo is None:
        return dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def _parse_date_text(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    if "," in text[:5] or text[:3].isalpha():
        try:
            return parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            pass
    try:
        return dateparser.parse(text)
    except (ValueError, OverflowError, TypeError):
        return None
