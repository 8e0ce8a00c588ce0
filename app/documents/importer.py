"""Import one file: check it, hash it, read its text, copy it into the store, add its row.

The same content (same sha256) is stored once: importing it again reuses the
row and says so. A file that cannot be read raises a ``DocumentError`` (a
``UserError``) before anything is written, so a failed import never adds,
changes or removes a stored document.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.settings import ImportLimits
from app.documents.store import DocumentStore, StoredDocument, join_pages, sha256_of
from app.profiling.errors import (
    DocumentError,
    EmptyFileError,
    FileTooLargeError,
    PasswordRequiredError,
)
from app.profiling.extract import ExtractLimits, extract_document_async
from app.profiling.json_resume import from_json_resume, to_json_resume
from app.profiling.models import Profile
from app.profiling.profile import JSON_RESUME

_RESUME_KEYS = ("basics", "work", "education", "skills")


@dataclass(frozen=True)
class ImportFailure:
    """A file that could not be imported, as the window and the CLI show it."""

    filename: str
    message: str
    needs_password: bool = False
    path: str | None = None

    @classmethod
    def of(cls, path: Path, error: DocumentError) -> ImportFailure:
        locked = isinstance(error, PasswordRequiredError)
        return cls(Path(path).name, str(error), locked, str(path))

    def __str__(self) -> str:
        return self.message


@dataclass
class ImportedFile:
    """A file that is now a stored document; ``reused`` when its content was stored before."""

    path: Path
    document: StoredDocument
    reused: bool
    warnings: list[str] = field(default_factory=list)

    @property
    def note(self) -> str | None:
        if not self.reused:
            return None
        same = self.document.original_filename
        what = "the same file" if same == self.path.name else f"the same content as “{same}”"
        return (f"“{self.path.name}” was imported before ({what}); the stored copy is used, "
                "nothing was added.")  # fmt: skip


def extract_limits(limits: ImportLimits) -> ExtractLimits:
    return ExtractLimits(max_file_mb=limits.max_file_mb, max_pages=limits.max_pages,
                         timeout_s=limits.timeout_s)  # fmt: skip


async def import_file(
    store: DocumentStore, path: Path, *, password: str | None = None,
    limits: ExtractLimits = ExtractLimits(),
) -> ImportedFile:  # fmt: skip
    """Store ``path`` (or find it stored already). Raises ``DocumentError``."""
    path = Path(path)
    data = await asyncio.to_thread(_read, path, limits)
    sha = await asyncio.to_thread(sha256_of, data)
    existing = await store.find(sha)
    if existing is not None:
        if not existing.stored_path.exists():  # the data folder was tidied by hand
            await asyncio.to_thread(store.write_copy, sha, existing.media_type, data)
        return ImportedFile(path, existing, reused=True)
    warnings: list[str] = []
    if _is_json_resume(path, data):
        text, media_type = await asyncio.to_thread(_json_resume_text, path, data), JSON_RESUME
    else:
        extracted = await extract_document_async(path, password=password, limits=limits)
        text, media_type = join_pages(extracted.pages), extracted.media_type
        warnings = list(extracted.warnings)
    copy = await asyncio.to_thread(store.write_copy, sha, media_type, data)
    document, new = await store.add(filename=path.name, stored_path=copy, sha256=sha,
                                    size=len(data), media_type=media_type, text=text)  # fmt: skip
    return ImportedFile(path, document, reused=not new, warnings=warnings)


#: The name a profile typed in by hand is stored under when the first CV arrives.
HAND_MADE = "profile entered by hand.json"
_CONTENT = ("skills", "experience", "education", "certifications", "languages")


def hand_made(stored: dict[str, Any]) -> bool:
    """True for a stored profile with content but no document behind it (typed in the
    window, or a JSON Resume loaded into the form): a rebuild from CVs would drop it."""
    return not stored.get("documents") and any(stored.get(key) for key in _CONTENT)


async def keep_hand_made(store: DocumentStore, stored: dict[str, Any]) -> ImportedFile:
    """Store such a profile as a JSON Resume document, so every rebuild merges it."""
    text = json.dumps(to_json_resume(stored), indent=2, ensure_ascii=False) + "\n"
    data = text.encode("utf-8")
    sha = sha256_of(data)
    copy = await asyncio.to_thread(store.write_copy, sha, JSON_RESUME, data)
    document, new = await store.add(filename=HAND_MADE, stored_path=copy, sha256=sha,
                                    size=len(data), media_type=JSON_RESUME, text=text)  # fmt: skip
    return ImportedFile(Path(HAND_MADE), document, reused=not new)


def _read(path: Path, limits: ExtractLimits) -> bytes:
    """The file's bytes, after the checks that need no parsing (blocking)."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise DocumentError(path, f"“{path.name}” is a folder, not a file.")
        if size == 0:
            raise EmptyFileError(path)
        if size > limits.max_file_mb * 1024 * 1024:
            raise FileTooLargeError(path, size / 1024 / 1024, limits.max_file_mb)
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise DocumentError(path, f"“{path.name}” cannot be opened: {reason}.") from None
    if not data:
        raise EmptyFileError(path)
    return data


def _is_json_resume(path: Path, data: bytes) -> bool:
    """A ``.json`` file, or text that is a JSON object with a JSON Resume section."""
    if path.suffix.lower() == ".json":
        return True
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return False
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except ValueError:
        return False
    return isinstance(parsed, dict) and any(key in parsed for key in _RESUME_KEYS)


def _json_resume_text(path: Path, data: bytes) -> str:
    """The JSON text, checked to be a JSON Resume (blocking; it is read again at each rebuild)."""
    try:
        text = data.decode("utf-8-sig")
        parsed = json.loads(text)
    except ValueError as exc:
        raise DocumentError(
            path, f"“{path.name}” is not valid JSON ({_first_line(exc)}), so it cannot be "
            "imported as a JSON Resume.",
        ) from None  # fmt: skip
    if not isinstance(parsed, dict) or not any(key in parsed for key in _RESUME_KEYS):
        raise DocumentError(
            path, f"“{path.name}” is JSON but not a JSON Resume (it has none of "
            f"{', '.join(_RESUME_KEYS)}).",
        )  # fmt: skip
    read_json_resume(path.name, text)
    return text


def read_json_resume(filename: str, text: str) -> Profile:
    """The profile a JSON Resume holds; a ``DocumentError`` when its parts have the wrong shape."""
    try:
        return from_json_resume(json.loads(text), filename=filename)
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise DocumentError(
            filename, f"“{filename}” is not a valid JSON Resume: {_first_line(exc)}."
        ) from None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
