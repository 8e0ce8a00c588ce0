"""Where the profile came from: the documents, which fact each gave, conflicts and warnings."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.theme import colours

_MEDIA = {"application/pdf": "PDF", "text/plain": "Text", "text/markdown": "Markdown"}


def source_text(source: dict[str, Any] | None) -> str:
    """ "cv.pdf, page 2, line 14" from a provenance ``Source`` dict."""
    if not source:
        return "unknown source"
    parts = [str(source.get("filename") or f"document {source.get('document_id', '?')}")]
    if source.get("page"):
        parts.append(f"page {source['page']}")
    if source.get("line"):
        parts.append(f"line {source['line']}")
    return ", ".join(parts)


def media_label(media_type: str | None) -> str:
    if not media_type:
        return ""
    if "wordprocessingml" in media_type:
        return "Word (DOCX)"
    return _MEDIA.get(media_type, media_type)


class ProfileSources(QWidget):
    """Documents with provenance, and the conflicts between them flagged."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents = QTreeWidget()
        self.documents.setAccessibleName("Imported documents")
        self.documents.setHeaderLabels(["Document", "Type", "Pages", "Notes"])
        self.documents.setRootIsDecorated(False)
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.documents.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.documents.header().resizeSection(0, 260)
        self.documents.setMaximumHeight(140)
        self.provenance = QLabel()
        self.provenance.setWordWrap(True)
        self.conflicts = QLabel()
        self.conflicts.setWordWrap(True)
        self.conflicts.setObjectName("conflicts")
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Documents</b>"))
        layout.addWidget(self.documents)
        layout.addWidget(QLabel("<b>Where the facts came from</b>"))
        layout.addWidget(self.provenance)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.warnings)
        layout.addStretch(1)

    def set_profile(self, data: dict[str, Any]) -> int:
        """Show ``data``'s sources; returns the number of conflicts (for the tab's flag)."""
        self.documents.clear()
        for doc in data.get("documents") or []:
            notes = "; ".join(doc.get("warnings") or [])
            item = QTreeWidgetItem(
                [
                    str(doc.get("filename", "")),
                    media_label(doc.get("media_type")),
                    str(doc.get("pages", "")),
                    notes,
                ]
            )
            item.setToolTip(3, notes)
            self.documents.addTopLevelItem(item)
        provenance = data.get("provenance") or {}
        lines = [
            f"<b>{html.escape(field.replace('_', ' ').capitalize())}</b>: "
            f"{html.escape(source_text(src))}"
            for field, src in provenance.items()
        ]
        experience = data.get("experience") or []
        for entry in experience:
            if isinstance(entry, dict) and entry.get("source"):
                what = " at ".join(filter(None, (entry.get("title"), entry.get("company"))))
                lines.append(
                    f"<b>{html.escape(what or 'Experience')}</b>: "
                    f"{html.escape(source_text(entry['source']))}"
                )
        self.provenance.setText("<br>".join(lines) or "No document imported yet.")
        conflicts = [c for c in data.get("conflicts") or [] if isinstance(c, dict)]
        background, foreground = colours("warning", self)
        if conflicts:
            items = []
            for conflict in conflicts:
                values = "".join(
                    f"<li>{html.escape(str(v.get('value')))} — "
                    f"<i>{html.escape(source_text(v.get('source')))}</i></li>"
                    for v in conflict.get("values") or []
                    if isinstance(v, dict)
                )
                field = html.escape(str(conflict.get("field", "")).capitalize())
                items.append(
                    f"<p>⚠ <b>{field}</b>: "
                    f"{html.escape(str(conflict.get('message', '')))}</p><ul>{values}</ul>"
                )
            self.conflicts.setText(f"<b>Conflicts to check ({len(conflicts)})</b>" + "".join(items))
            self.conflicts.setStyleSheet(
                f"QLabel#conflicts {{ background: {background}; color: {foreground}; "
                "padding: 8px; border-radius: 6px; }"
            )
            self.conflicts.show()
        else:
            self.conflicts.hide()
        warnings = data.get("warnings") or []
        self.warnings.setText("<br>".join(f"⚠ {html.escape(str(w))}" for w in warnings))
        return len(conflicts)
