"""Settings ▸ Privacy: which personal data is removed before anything is sent to a model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from app.runtime import Runtime

SWITCHES = (
    ("redact_email", "Remove &email addresses"),
    ("redact_phone", "Remove &phone numbers"),
    ("redact_address", "Remove street &addresses and postcodes"),
    ("redact_links", "Remove personal &links (LinkedIn, GitHub, websites)"),
    ("redact_referees", "Remove &referees' names and the References section"),
)


class PrivacyPanel(QWidget):
    """The ``settings.privacy`` switches; ``apply()`` copies them into the settings."""

    def __init__(self, runtime: Runtime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        note = QLabel(
            "Before your CV, profile or answers are sent to a cloud model, the data checked "
            "below is taken out. Job postings are public and are sent as they are. Every call "
            "is listed in the Outbound log."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        self.switches: dict[str, QCheckBox] = {}
        for field, label in SWITCHES:
            box = QCheckBox(label)
            self.switches[field] = box
            layout.addWidget(box)
        self.local = QCheckBox("Also for models on this &computer (127.0.0.1, localhost)")
        self.local.setToolTip(
            "A model on a loopback address runs on this machine, so nothing leaves it; "
            "switch this on to remove the data anyway."
        )
        self.switches["redact_for_local_models"] = self.local
        layout.addWidget(self.local)
        layout.addStretch(1)
        self.revert()

    def revert(self) -> None:
        privacy = self.runtime.settings.privacy
        for field, box in self.switches.items():
            box.setChecked(bool(getattr(privacy, field)))

    def apply(self) -> None:
        privacy = self.runtime.settings.privacy
        for field, box in self.switches.items():
            setattr(privacy, field, box.isChecked())
