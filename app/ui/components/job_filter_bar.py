"""The jobs page's filter bar: search text, minimum score, source, status, work mode, date."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.ui.components.job_filter import REMOTE_LABELS, JobFilter

_STATUS_CHOICES = [
    ("Any status (not hidden)", None),
    ("New", {"new"}),
    ("Saved", {"saved"}),
    ("Applied", {"applied"}),
    ("Interviewing", {"interviewing"}),
    ("Offer", {"offer"}),
    ("Rejected", {"rejected"}),
    ("Hidden", {"hidden"}),
    ("In progress (saved…offer)", {"saved", "applied", "interviewing", "offer"}),
]
_POSTED_CHOICES = [
    ("Any time", None),
    ("Last 24 hours", 1),
    ("Last 7 days", 7),
    ("Last 30 days", 30),
]
#: Typing waits this long for the next key before filtering.
TYPING_PAUSE_MS = 150


def _labelled(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class JobFilterBar(QWidget):
    """Signals:
    changed(): the filter changed (typing is debounced).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search title, company, place… (Ctrl+F)")
        self.search.setAccessibleName("Search jobs")
        self.search.setClearButtonEnabled(True)
        self.min_score = QSpinBox()
        self.min_score.setRange(0, 100)
        self.min_score.setSingleStep(10)
        self.min_score.setSpecialValueText("Any")
        self.min_score.setAccessibleName("Minimum score")
        self.source = QComboBox()
        self.source.setAccessibleName("Source")
        self.source.addItem("All sources", None)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for label, value in _STATUS_CHOICES:
            self.status.addItem(label, value)
        self.remote = QComboBox()
        self.remote.setAccessibleName("Work mode")
        self.remote.addItem("Any work mode", None)
        for key, label in REMOTE_LABELS.items():
            self.remote.addItem(label, key)
        self.posted = QComboBox()
        self.posted.setAccessibleName("Posted")
        for label, days in _POSTED_CHOICES:
            self.posted.addItem(label, days)
        clear = QPushButton("C&lear filters")
        clear.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_labelled("Searc&h:", self.search))
        layout.addWidget(self.search, 3)
        layout.addWidget(_labelled("Min s&core:", self.min_score))
        layout.addWidget(self.min_score)
        for combo in self._combos:
            layout.addWidget(combo, 1)
        layout.addWidget(clear)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(self._typing.start)
        self.min_score.valueChanged.connect(self.changed)
        for combo in self._combos:
            combo.currentIndexChanged.connect(self.changed)

    @property
    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.source, self.status, self.remote, self.posted)

    def current(self) -> JobFilter:
        self._typing.stop()
        statuses = self.status.currentData()
        return JobFilter(
            text=self.search.text().strip(),
            min_score=float(self.min_score.value()) or None,
            source=self.source.currentData(),
            statuses=frozenset(statuses) if statuses else None,
            remote=self.remote.currentData(),
            posted_within_days=self.posted.currentData(),
        )

    def clear(self) -> None:
        for widget in (self.search, self.min_score, *self._combos):
            widget.blockSignals(True)
        self.search.clear()
        self.min_score.setValue(0)
        for combo in self._combos:
            combo.setCurrentIndex(0)
        for widget in (self.search, self.min_score, *self._combos):
            widget.blockSignals(False)
        self.changed.emit()

    def set_sources(self, sources: list[str]) -> None:
        """Offer these sources, keeping the chosen one when it is still there."""
        chosen = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem("All sources", None)
        for source in sources:
            self.source.addItem(source, source)
        self.source.setCurrentIndex(max(0, self.source.findData(chosen)) if chosen else 0)
        self.source.blockSignals(False)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
