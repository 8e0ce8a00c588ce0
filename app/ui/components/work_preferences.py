"""WorkPreferences: remote/hybrid/on-site, places, salary floor, wanted titles, a few words.

Shared by onboarding and the profile page. Reads and writes the keys the
matcher uses in ``user.preferences`` (see ``app.matching.profile.Preferences``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

MODES = (("remote", "&Remote"), ("hybrid", "H&ybrid"), ("onsite", "On-&site"))
CURRENCIES = ("EUR", "GBP", "USD", "CHF", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "INR")


def split_list(text: str) -> list[str]:
    """ "Leeds, York; Remote UK" -> ["Leeds", "York", "Remote UK"]."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class WorkPreferences(QGroupBox):
    """Signals:
    changed(): the user edited a preference.
    """

    changed = Signal()

    def __init__(self, title: str = "Work preferences", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        form = QFormLayout(self)
        modes = QHBoxLayout()
        self.modes: dict[str, QCheckBox] = {}
        for key, label in MODES:
            box = QCheckBox(label)
            box.toggled.connect(self.changed)
            self.modes[key] = box
            modes.addWidget(box)
        modes.addStretch(1)
        form.addRow("Work mode:", modes)
        self.locations = QLineEdit()
        self.locations.setPlaceholderText("Cities, regions or countries, separated by commas")
        self.locations.setAccessibleName("Preferred locations")
        self.locations.textEdited.connect(self.changed)
        form.addRow("Pla&ces:", self.locations)
        salary = QHBoxLayout()
        self.salary_floor = QSpinBox()
        self.salary_floor.setRange(0, 10_000_000)
        self.salary_floor.setSingleStep(1000)
        self.salary_floor.setGroupSeparatorShown(True)
        self.salary_floor.setSpecialValueText("No minimum")
        self.salary_floor.setAccessibleName("Salary floor per year")
        self.salary_floor.valueChanged.connect(self.changed)
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.setAccessibleName("Salary currency")
        self.currency.currentTextChanged.connect(self.changed)
        salary.addWidget(self.salary_floor, 1)
        salary.addWidget(self.currency)
        salary_label = QLabel("Salary &floor (per year):")
        salary_label.setBuddy(self.salary_floor)
        form.addRow(salary_label, salary)
        self.titles = QLineEdit()
        self.titles.setPlaceholderText("Job titles you want, separated by commas")
        self.titles.setAccessibleName("Wanted job titles")
        self.titles.textEdited.connect(self.changed)
        form.addRow("&Wanted titles:", self.titles)
        self.basic_info = QPlainTextEdit()
        self.basic_info.setTabChangesFocus(True)
        self.basic_info.setFixedHeight(60)
        self.basic_info.setPlaceholderText(
            "Anything else: what you are looking for, what you want to avoid…"
        )
        self.basic_info.setAccessibleName("About you")
        self.basic_info.textChanged.connect(self.changed)
        form.addRow("A&bout you:", self.basic_info)

    def set_preferences(self, prefs: dict[str, Any]) -> None:
        self.blockSignals(True)
        chosen = set(prefs.get("remote_modes") or [])
        for key, box in self.modes.items():
            box.setChecked(key in chosen)
        self.locations.setText(", ".join(prefs.get("locations") or []))
        floor = prefs.get("salary_floor")
        self.salary_floor.setValue(int(floor) if isinstance(floor, int | float) else 0)
        self.currency.setCurrentText(str(prefs.get("salary_currency") or "EUR"))
        self.titles.setText(", ".join(prefs.get("wanted_titles") or []))
        self.basic_info.setPlainText(str(prefs.get("basic_info") or ""))
        self.blockSignals(False)

    def preferences(self, base: dict[str, Any] | None = None) -> dict[str, Any]:
        """``base`` (other keys kept) with this form's values."""
        prefs = dict(base or {})
        prefs["remote_modes"] = [key for key, box in self.modes.items() if box.isChecked()]
        prefs["locations"] = split_list(self.locations.text())
        prefs["salary_floor"] = float(self.salary_floor.value()) or None
        prefs["salary_currency"] = self.currency.currentText().strip().upper() or None
        prefs["wanted_titles"] = split_list(self.titles.text())
        prefs["basic_info"] = self.basic_info.toPlainText().strip()
        return prefs

    def add_wanted_title(self, title: str) -> None:
        titles = split_list(self.titles.text())
        if title and title not in titles:
            self.titles.setText(", ".join([*titles, title]))
            self.changed.emit()
