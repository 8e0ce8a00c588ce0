"""Merging facts from several CVs into one profile, listing conflicts.

Scalar facts (name, e-mail, phone, location) take the first document's value;
a different value in another document becomes a `Conflict` rather than being
dropped or silently overwritten. Jobs are the same job when their companies
match (or, without a company, their titles) and their dates overlap; if they
then disagree on the title or the dates, that is a conflict too.
"""

from __future__ import annotations

import re

from app.profiling.models import Conflict, ConflictValue, ExperienceEntry, Source

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def norm(text: str | None) -> str:
    return _NON_ALNUM.sub(" ", (text or "").lower()).strip()


def phone_key(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return digits[-9:]  # "+44 7700 900123" and "07700 900123" are one number


def pick_scalar(
    field: str, candidates: list[tuple[str, Source]], conflicts: list[Conflict], key=norm
) -> tuple[str | None, Source | None]:
    """First value wins; values from other documents that differ are a conflict."""
    if not candidates:
        return None, None
    value, source = candidates[0]
    distinct: dict[str, tuple[str, Source]] = {key(value): (value, source)}
    for other, other_source in candidates[1:]:
        k = key(other)
        if k and k not in distinct and other_source.document_id != source.document_id:
            distinct[k] = (other, other_source)
    if len(distinct) > 1:
        conflicts.append(
            Conflict(
                field=field,
                message=f"The CVs give {len(distinct)} different values for {field}; "
                f"“{value}” is used.",
                values=[ConflictValue(value=v, source=s) for v, s in distinct.values()],
            )
        )
    return value, source


def _months(entry: ExperienceEntry) -> tuple[int, int] | None:
    def month(text: str | None, end: bool) -> int | None:
        if not text:
            return None
        if text == "present":
            return 10**6
        year, _, mon = text.partition("-")
        return int(year) * 12 + (int(mon) if mon else (12 if end else 1))

    start, stop = month(entry.start, False), month(entry.end, True)
    if start is None:
        return None
    return start, stop if stop is not None else start


def _same_job(a: ExperienceEntry, b: ExperienceEntry) -> bool:
    ca, cb = norm(a.company), norm(b.company)
    if ca and cb:
        if not (ca == cb or ca in cb or cb in ca):
            return False
    elif norm(a.title) != norm(b.title):
        return False
    ma, mb = _months(a), _months(b)
    if ma is None or mb is None:
        return ca == cb and bool(ca) and norm(a.title) == norm(b.title)
    return ma[0] <= mb[1] and mb[0] <= ma[1]


def merge_experience(
    per_document: list[list[ExperienceEntry]], conflicts: list[Conflict]
) -> list[ExperienceEntry]:
    merged: list[ExperienceEntry] = []
    for entries in per_document:
        for entry in entries:
            twin = next((m for m in merged if m.source.document_id != entry.source.document_id
                         and _same_job(m, entry)), None)  # fmt: skip
            if twin is None:
                merged.append(entry)
                continue
            differs = [
                f for f in ("title", "start", "end")
                if getattr(entry, f) and getattr(twin, f) and norm(getattr(entry, f)) != norm(
                    getattr(twin, f))
            ]  # fmt: skip
            if differs:
                conflicts.append(
                    Conflict(
                        field="experience",
                        message=f"Two CVs describe the job at {twin.company or twin.title} "
                        f"differently ({', '.join(differs)}); the first is kept.",
                        values=[
                            ConflictValue(value=_describe(twin), source=twin.source),
                            ConflictValue(value=_describe(entry), source=entry.source),
                        ],
                    )
                )
            for bullet in entry.bullets:
                if norm(bullet) not in {norm(b) for b in twin.bullets}:
                    twin.bullets.append(bullet)
            twin.location = twin.location or entry.location
    merged.sort(key=_recency, reverse=True)
    return merged


def _recency(entry: ExperienceEntry) -> tuple[int, int]:
    months = _months(entry)
    return (months[1], months[0]) if months else (0, 0)


def _describe(entry: ExperienceEntry) -> str:
    when = f"{entry.start or '?'} – {entry.end or '?'}"
    return f"{entry.title or '?'} at {entry.company or '?'}, {when}"


def dedupe(items: list, key) -> list:
    seen: set[str] = set()
    out = []
    for item in items:
        k = key(item)
        if k and k not in seen:
            seen.add(k)
            out.append(item)
    return out
