"""Stored documents: a copy of each imported file, named by its content, and its ``document`` row.

A copy is named ``<sha256><ext>`` inside ``AppPaths.documents``, so the same
content is stored once and a profile survives the user moving or deleting
the original. A copy is written to a temporary name and renamed into place;
an existing copy is never overwritten, and nothing here ever deletes one.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.profiling.extract.types import DOCX, MARKDOWN, PDF, TEXT
from app.profiling.profile import JSON_RESUME
from app.storage.database import Database
from app.storage.models import Document

EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", TEXT: ".txt", MARKDOWN: ".md", JSON_RESUME: ".json"}
#: Pages are kept in ``document.extracted_text`` joined by a form feed, as pdftotext does.
PAGE_BREAK = "\f"


@dataclass(frozen=True)
class StoredDocument:
    """A ``document`` row, detached from its session."""

    id: int
    original_filename: str
    stored_path: Path
    sha256: str
    size_bytes: int
    media_type: str
    extracted_text: str | None
    imported_at: datetime

    @classmethod
    def of(cls, row: Document) -> StoredDocument:
        return cls(row.id, row.original_filename, Path(row.stored_path), row.sha256,
                   row.size_bytes, row.media_type, row.extracted_text, row.imported_at)  # fmt: skip

    @property
    def pages(self) -> list[str]:
        return (self.extracted_text or "").split(PAGE_BREAK)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "filename": self.original_filename,
            "stored_path": str(self.stored_path),
            "sha256": self.sha256,
            "size_bytes": self.size_bytes,
            "media_type": self.media_type,
            "imported_at": self.imported_at.isoformat(timespec="seconds"),
        }


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def join_pages(pages: list[str]) -> str:
    """One text for ``document.extracted_text`` (PostgreSQL text cannot hold NUL)."""
    return PAGE_BREAK.join(page.replace(PAGE_BREAK, "\n").replace("\x00", "") for page in pages)


class DocumentStore:
    """One user's stored documents: rows in the database, copies in ``folder``."""

    def __init__(self, db: Database, folder: Path, user_id: int) -> None:
        self.db = db
        self.folder = folder
        self.user_id = user_id

    def is_stored_copy(self, path: Path) -> bool:
        """True for a path inside the documents folder (the window passes those back)."""
        try:
            return path.resolve().parent == self.folder.resolve()
        except OSError:
            return False

    async def find(self, sha256: str) -> StoredDocument | None:
        async with self.db.session() as session:
            mine = (Document.user_id == self.user_id, Document.sha256 == sha256)
            row = await session.scalar(select(Document).where(*mine))
            return StoredDocument.of(row) if row is not None else None

    async def all(self) -> list[StoredDocument]:
        """The user's documents in the order they were first imported."""
        async with self.db.session() as session:
            rows = await session.scalars(
                select(Document).where(Document.user_id == self.user_id).order_by(Document.id)
            )
            return [StoredDocument.of(row) for row in rows]

    async def add(
        self, *, filename: str, stored_path: Path, sha256: str, size: int, media_type: str,
        text: str,
    ) -> tuple[StoredDocument, bool]:  # fmt: skip
        """Insert the row; (row, True) when it is new, (the existing row, False) when another
        import of the same content got there first."""
        try:
            async with self.db.session() as session:
                row = Document(
                    user_id=self.user_id, original_filename=filename[:500],
                    stored_path=str(stored_path), sha256=sha256, size_bytes=size,
                    media_type=media_type, extracted_text=text,
                )  # fmt: skip
                session.add(row)
                await session.flush()
                return StoredDocument.of(row), True
        except IntegrityError:
            existing = await self.find(sha256)
            if existing is None:
                raise
            return existing, False

    async def set_text(self, document_id: int, text: str) -> None:
        async with self.db.session() as session:
            row = await session.get(Document, document_id)
            if row is not None:
                row.extracted_text = text

    def copy_path(self, sha256: str, media_type: str) -> Path:
        return self.folder / f"{sha256}{EXTENSIONS.get(media_type, '')}"

    def write_copy(self, sha256: str, media_type: str, data: bytes) -> Path:
        """Write the copy unless it exists (blocking: call in a thread)."""
        target = self.copy_path(sha256, media_type)
        if target.exists() and target.stat().st_size == len(data):
            return target
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".import-", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target
