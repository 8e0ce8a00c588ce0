"""Every stored document of the user, as the profiling library takes it.

The text extracted at import is kept in ``document.extracted_text`` (pages
joined by a form feed), so a rebuild reads no file at all and works after the
original is gone. A row without text (an import that was interrupted) is
read again from its stored copy.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from app.documents.importer import read_json_resume
from app.documents.store import DocumentStore, StoredDocument, join_pages
from app.profiling.errors import DocumentError
from app.profiling.extract import ExtractedDocument, ExtractLimits, extract_document_async
from app.profiling.profile import JSON_RESUME, ImportedDocument, SourceDocument


@dataclass
class StoredSources:
    documents: list[StoredDocument] = field(default_factory=list)
    sources: list[SourceDocument | ImportedDocument] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


async def load_sources(store: DocumentStore, *, limits: ExtractLimits) -> StoredSources:
    """All the user's documents that can be read, in import order; problems as warnings."""
    out = StoredSources()
    for stored in await store.all():
        try:
            source = await _source(store, stored, limits)
        except DocumentError as exc:
            out.warnings.append(f"The stored copy of “{stored.original_filename}” cannot be "
                                f"read ({exc}); it was left out.")  # fmt: skip
            continue
        out.documents.append(stored)
        out.sources.append(source)
    return out


async def _source(
    store: DocumentStore, stored: StoredDocument, limits: ExtractLimits
) -> SourceDocument | ImportedDocument:
    name = stored.original_filename
    if stored.media_type == JSON_RESUME:
        profile = await asyncio.to_thread(read_json_resume, name, stored.extracted_text or "")
        return ImportedDocument(stored.id, name, profile)
    if stored.extracted_text:
        return SourceDocument(stored.id, name, ExtractedDocument(stored.media_type, stored.pages))
    if not stored.stored_path.exists():
        raise DocumentError(stored.stored_path, "the stored copy is missing")
    extracted = await extract_document_async(stored.stored_path, limits=limits)
    await store.set_text(stored.id, join_pages(extracted.pages))
    return SourceDocument(stored.id, name, extracted)
