"""The adapter for each source kind."""

from __future__ import annotations

from app.sources import (
    arbeitnow,
    ashby,
    feeds,
    files,
    greenhouse,
    lever,
    remotive,
    smartrecruiters,
)
from app.sources.base import Adapter
from app.sources.spec import KINDS

_ADAPTERS: dict[str, Adapter] = {
    a.kind: a
    for a in (
        greenhouse.ADAPTER,
        lever.ADAPTER,
        ashby.ADAPTER,
        smartrecruiters.ADAPTER,
        remotive.ADAPTER,
        arbeitnow.ADAPTER,
        feeds.ADAPTER,
        files.ADAPTER,
    )
}
assert set(_ADAPTERS) == set(KINDS), "every kind in spec.KINDS needs an adapter"


def get_adapter(kind: str) -> Adapter:
    """The adapter for ``kind``; ``ValueError`` for an unknown kind."""
    try:
        return _ADAPTERS[kind]
    except KeyError:
        raise ValueError(
            f"unknown source kind {kind!r}: expected one of {', '.join(KINDS)}"
        ) from None


def all_adapters() -> list[Adapter]:
    return [_ADAPTERS[k] for k in KINDS]
