"""The user's job sources in Settings: add, remove, and the specs a search fetches.

Shared by ``jobagent sources`` and the Settings page. Each entry is a ``SourceEntry``
(kind, id, base URL, name, enabled); its key ``kind:id`` is what jobs store as their
source, so it is unique in the list.
"""

from __future__ import annotations

from pathlib import Path

from app.core.errors import UserError
from app.core.settings import Settings, SourceEntry
from app.sources import SourceSpec, parse_spec
from app.storage.jobs import SOURCE_MAX

NO_SOURCES = (
    "No job sources are enabled. Add one with `jobagent sources add KIND:ID` "
    "(for example greenhouse:acme) or in Settings."
)


def entry_key(entry: SourceEntry) -> str:
    return f"{entry.kind}:{entry.id}"


def entry_label(entry: SourceEntry | SourceSpec) -> str:
    """How a source is named to the person: its name, else its key."""
    key = entry.key if isinstance(entry, SourceSpec) else entry_key(entry)
    return f"{entry.name} ({key})" if entry.name else key


def to_spec(entry: SourceEntry) -> SourceSpec:
    """The entry as a ``SourceSpec``; ``ValueError`` when it is not a valid source."""
    return parse_spec(f"{entry.kind}:{entry.id}", base_url=entry.base_url, name=entry.name)


def enabled_specs(settings: Settings) -> tuple[list[SourceSpec], list[str]]:
    """The enabled sources as specs, and one problem per entry that cannot be used."""
    specs: list[SourceSpec] = []
    problems: list[str] = []
    for entry in settings.sources:
        if not entry.enabled:
            continue
        try:
            spec = to_spec(entry)
        except ValueError as exc:
            problems.append(f"Source {entry_key(entry)} skipped: {exc}.")
            continue
        if len(spec.key) > SOURCE_MAX:
            problems.append(f"Source {spec.key[:60]}… skipped: over {SOURCE_MAX} characters.")
        else:
            specs.append(spec)
    return specs, problems


def add_source(
    settings: Settings, text: str, *, base_url: str | None = None, name: str | None = None
) -> SourceEntry:
    """Validate ``KIND:ID`` and append it (not saved: call ``runtime.save_settings()``).

    A file source is stored with its absolute path and must exist.
    """
    try:
        spec = parse_spec(text, base_url=base_url, name=name or None)
    except ValueError as exc:
        raise UserError(f"Cannot add source {text!r}: {exc}.") from None
    ident = spec.id
    if spec.kind == "file":
        path = Path(ident).expanduser()
        if not path.is_file():
            raise UserError(f"Cannot add source {text!r}: there is no file {str(path)!r}.")
        ident = str(path.resolve())
    entry = SourceEntry(kind=spec.kind, id=ident, base_url=spec.base_url, name=spec.name)
    key = entry_key(entry)
    if len(key) > SOURCE_MAX:
        raise UserError(f"Cannot add source {text!r}: it is longer than {SOURCE_MAX} characters.")
    if any(entry_key(e) == key for e in settings.sources):
        raise UserError(f"The source {key} is already in your list.")
    settings.sources.append(entry)
    return entry


def find_source(settings: Settings, ident: str) -> int:
    """The list index of a source given by its ``kind:id`` key or its 1-based position."""
    ident = ident.strip()
    for index, entry in enumerate(settings.sources):
        if entry_key(entry) == ident:
            return index
    try:  # "greenhouse:Acme" and "greenhouse:acme" differ; "GREENHOUSE:acme" does not
        key = parse_spec(ident).key
    except ValueError:
        key = None
    for index, entry in enumerate(settings.sources):
        if key is not None and entry_key(entry) == key:
            return index
    if ident.isdigit() and 1 <= int(ident) <= len(settings.sources):
        return int(ident) - 1
    if not settings.sources:
        raise UserError("There are no sources to remove.")
    raise UserError(
        f"No source {ident!r}: give its KIND:ID or its number from `jobagent sources list` "
        f"(1 to {len(settings.sources)})."
    )


def remove_source(settings: Settings, ident: str) -> SourceEntry:
    """Remove a source by key or position (not saved). Its stored jobs are kept."""
    return settings.sources.pop(find_source(settings, ident))
