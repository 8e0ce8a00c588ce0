"""Export the jobs the table shows to CSV or JSON. Qt-free; call it off the loop.

CSV cells a spreadsheet would run as a formula are written as text
(``job_listing.spreadsheet_cell``)."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

from app.storage.job_listing import JobRow, spreadsheet_cell

CSV_FIELDS = ("job_id", "title", "company", "location", "remote", "score", "llm_score", "status",
              "note", "salary", "posted_at", "source", "url", "summary")  # fmt: skip


def export_rows(rows: Sequence[JobRow], path: Path) -> int:
    """Write ``rows`` as JSON (``.json``) or CSV (anything else); returns how many."""
    if path.suffix.lower() == ".json":
        data = [row.to_dict() for row in rows]
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str),
                        encoding="utf-8")  # fmt: skip
        return len(rows)
    with path.open("w", newline="", encoding="utf-8-sig") as handle:  # BOM: Excel reads UTF-8
        writer = csv.writer(handle)
        writer.writerow(CSV_FIELDS)
        for row in rows:
            writer.writerow(spreadsheet_cell(cell) for cell in [
                row.job_id, row.title, row.company or "", row.location or "", row.remote or "",
                "" if row.score is None else f"{row.score:.0f}",
                "" if row.llm_score is None else f"{row.llm_score:.0f}",
                row.status, row.note or "", row.salary_text(),
                row.posted_at.isoformat() if row.posted_at else "", row.source, row.url or "",
                row.reasons.get("summary", ""),
            ])  # fmt: skip
    return len(rows)
