"""The jobs page's detail pane: one job's description, score and reasons, and its tracker entry.

The pane reads ``JobDetail`` rows (``app.storage.job_listing``) and writes the
tracker through ``app.storage.tracker``; after a write it re-reads the row and
emits ``job_changed`` so the table shows what is stored, not a guess.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.storage.tracker import STATUSES
from app.ui.tasks import spawn
from app.ui.theme import colours, score_role
from app.ui.widgets.chips import ChipList

if TYPE_CHECKING:
    from app.runtime import Runtime
    from app.storage.job_listing import JobDetail, JobRow

_REASON_LINES = (("title", "Title"), ("seniority", "Seniority"), ("location", "Location"),
                 ("salary", "Salary"), ("text", "Text"), ("skills", "Skills"))  # fmt: skip


def description_html(text: str) -> str:
    """Clean posting text (paragraphs, "- " items) as simple HTML; everything escaped."""
    parts = []
    for block in (b.strip() for b in text.split("\n\n")):
        if not block:
            continue
        lines = block.splitlines()
        head, items = [], []
        for line in lines:
            stripped = line.strip()
            if stripped.startswith(("- ", "• ", "* ")):
                items.append(f"<li>{html.escape(stripped[2:])}</li>")
            else:
                head.append(stripped)
        if head and len(head) == 1 and items and len(head[0]) < 70:
            parts.append(f"<h4>{html.escape(head[0])}</h4>")
        elif head:
            if len(head) == 1 and len(head[0]) < 60 and not head[0].endswith((".", ":")):
                parts.append(f"<h4>{html.escape(head[0])}</h4>")
            else:
                parts.append(f"<p>{html.escape(' '.join(head))}</p>")
        if items:
            parts.append(f"<ul>{''.join(items)}</ul>")
    return "".join(parts)


def _review_text(review: dict[str, Any] | None) -> str:
    """The model's review as readable lines, whatever keys it used."""
    if not review:
        return ""
    lines = []
    for key, value in review.items():
        if key in ("points", "model", "usage", "scorer_version"):
            continue
        label = key.replace("_", " ").capitalize()
        if isinstance(value, list):
            lines += [f"{label}:"] + [f"  • {item}" for item in value]
        elif isinstance(value, str | int | float) and value != "":
            lines.append(value if key in ("summary", "review") else f"{label}: {value}")
    return "\n".join(str(line) for line in lines)


class JobDetailPane(QScrollArea):
    """Signals:
    job_changed(int, object): the tracker entry of the job that was row ``int`` changed;
        the re-read ``JobRow``.
    """

    job_changed = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.runtime: Runtime | None = None
        self.detail: JobDetail | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = QLabel("Select a job to see it here.")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.scores = QLabel()
        self.scores.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.open_button = QPushButton("&Open posting")
        self.open_button.clicked.connect(self.open_posting)
        self.also = QLabel()
        self.also.setWordWrap(True)
        self.also.setOpenExternalLinks(True)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        self.matched = ChipList(empty_text="None")
        self.missing = ChipList(empty_text="None")
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.review = QLabel()
        self.review.setWordWrap(True)
        self.review_box = QGroupBox("The model's review")
        QVBoxLayout(self.review_box).addWidget(self.review)
        why = QGroupBox("Why this score")
        why_form = QFormLayout(why)
        why_form.addRow("Matched skills:", self.matched)
        why_form.addRow("Missing skills:", self.missing)
        why_form.addRow(self.reasons)
        self.status = QComboBox()
        self.status.addItems([s.capitalize() for s in STATUSES])
        self.status.setAccessibleName("Tracker status")
        self.status.activated.connect(lambda _i: spawn(self.save_tracker()))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("A note for yourself: who you spoke to, dates, links…")
        self.note.setAccessibleName("Tracker note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.save_note = QPushButton("Save &note")
        self.save_note.clicked.connect(lambda: spawn(self.save_tracker()))
        self.history = QLabel()
        self.history.setWordWrap(True)
        tracker = QGroupBox("Tracker")
        tracker_form = QFormLayout(tracker)
        status_label = QLabel("S&tatus:")
        status_label.setBuddy(self.status)
        tracker_form.addRow(status_label, self.status)
        tracker_form.addRow("Note:", self.note)
        tracker_form.addRow("", self.save_note)
        tracker_form.addRow(self.history)
        self.description = QTextBrowser()
        self.description.setAccessibleName("Job description")
        self.description.setMinimumHeight(260)
        for widget in (self.title, self.facts, self.scores, self.summary):
            layout.addWidget(widget)
        layout.addLayout(actions)
        layout.addWidget(self.also)
        layout.addWidget(self.review_box)
        layout.addWidget(tracker)
        layout.addWidget(why)
        layout.addWidget(QLabel("<b>Description</b>"))
        layout.addWidget(self.description, 1)
        self.setWidget(body)
        self._tracker_widgets = [tracker, why, self.review_box, self.open_button, self.description]
        self.show_detail(None)

    def show_detail(self, detail: JobDetail | None) -> None:
        self.detail = detail
        for widget in self._tracker_widgets:
            widget.setVisible(detail is not None)
        if detail is None:
            self.title.setText("Select a job to see it here.")
            for label in (self.facts, self.scores, self.summary, self.also):
                label.clear()
            return
        row = detail.row
        self.title.setText(html.escape(row.title) + (" <i>(closed)</i>" if row.closed else ""))
        facts = [row.company, row.location, {"remote": "Remote", "hybrid": "Hybrid",
                 "onsite": "On-site"}.get(row.remote or ""), row.salary_text(),
                 (row.employment_type or "").replace("_", " "),
                 f"posted {row.posted_at:%d %b %Y}" if row.posted_at else None]  # fmt: skip
        self.facts.setText(" · ".join(html.escape(f) for f in facts if f))
        self.scores.setText(self._badges(row))
        self.summary.setText(html.escape(str(row.reasons.get("summary", ""))))
        self.matched.set_chips(
            [(s, "In your profile") for s in row.reasons.get("matched_skills", [])]
        )
        self.missing.set_chips(
            [(s, "Not in your profile") for s in row.reasons.get("missing_skills", [])]
        )
        self.reasons.setText("<br>".join(
            f"<b>{label}:</b> {html.escape(str(row.reasons[key]))}"
            for key, label in _REASON_LINES if row.reasons.get(key)
        ))  # fmt: skip
        review = _review_text(row.llm_reasons)
        self.review_box.setVisible(bool(review))
        self.review.setText(html.escape(review).replace("\n", "<br>"))
        self.open_button.setEnabled(bool(row.url))
        others = [p for p in detail.postings if p.job_id != row.job_id]
        self.also.setText(("Also posted at: " + ", ".join(
            f'<a href="{html.escape(p.url)}">{html.escape(p.source)}</a>' if p.url
            else html.escape(p.source) for p in others)) if others else "")  # fmt: skip
        self.status.setCurrentIndex(STATUSES.index(row.status) if row.status in STATUSES else 0)
        self.note.setPlainText(row.note or "")
        self.history.setText(", ".join(
            f"{h.get('status')} {str(h.get('at', ''))[:10]}" for h in detail.history
        ))  # fmt: skip
        self.description.setHtml(description_html(detail.description) or "<i>No description.</i>")

    def _badges(self, row: JobRow) -> str:
        badges = []
        for label, value in (("Score", row.score), ("Model", row.llm_score)):
            if value is None:
                continue
            background, foreground = colours(score_role(value), self)
            badges.append(f'<span style="background:{background}; color:{foreground};">'
                          f"&nbsp;{label} {value:.0f}&nbsp;</span>")  # fmt: skip
        return "&nbsp;&nbsp;".join(badges) or "Not scored yet"

    def open_posting(self) -> None:
        if self.detail is not None and self.detail.row.url:
            QDesktopServices.openUrl(QUrl(self.detail.row.url))

    async def load(self, job_id: int | None) -> None:
        from app.storage.job_listing import get_job_detail

        if job_id is None or self.runtime is None:
            self.show_detail(None)
            return
        self.show_detail(await get_job_detail(self.runtime.db, self.runtime.user_id, job_id))

    async def save_tracker(self) -> None:
        """Write the chosen status and the note, then show what was stored."""
        from app.storage import tracker
        from app.storage.job_listing import get_job_detail

        if self.detail is None or self.runtime is None:
            return
        job_id = self.detail.row.job_id
        status = STATUSES[self.status.currentIndex()]
        await tracker.set_status(self.runtime.db, self.runtime.user_id, job_id, status,
                                 self.note.toPlainText().strip())  # fmt: skip
        detail = await get_job_detail(self.runtime.db, self.runtime.user_id, job_id)
        if detail is not None:
            self.show_detail(detail)
            self.job_changed.emit(job_id, detail.row)
