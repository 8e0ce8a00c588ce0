"""ProfileForm: every field of the profile, editable, in tabs.

``set_profile(data)`` shows a profile dict as ``app.storage.profiles.load_profile``
returns it; ``profile()`` gives it back with the edits applied. Keys the form
does not show are carried through untouched, so saving never drops what the
profiling run (or another feature) stored.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.components.profile_sources import ProfileSources
from app.ui.components.skills_editor import SkillsAndTitles
from app.ui.components.work_preferences import WorkPreferences
from app.ui.widgets.record_list import FieldSpec, RecordListEditor

_CONTACT = (
    ("name", "&Name"),
    ("headline", "&Headline"),
    ("email", "&Email"),
    ("phone", "&Phone"),
    ("location", "&Location"),
)


def _join(*parts: Any, sep: str = " — ") -> str:
    return sep.join(str(p) for p in parts if p)


def _link_kind(url: str) -> str:
    lowered = url.lower()
    for kind in ("linkedin", "github"):
        if kind in lowered:
            return kind
    return "other"


def _text_edit(height: int, name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    edit.setAccessibleName(name)
    return edit


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class ProfileForm(QTabWidget):
    """Signals:
    changed(): the user edited something.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: dict[str, Any] = {}
        self._loading = False
        self.addTab(_scrolled(self._build_overview()), "&Overview")
        self.skills = SkillsAndTitles()
        self.skills.changed.connect(self._edited)
        self.skills.wanted.connect(self.preferences.add_wanted_title)
        self.addTab(self.skills, "S&kills and titles")
        self.experience = RecordListEditor(
            [
                FieldSpec("title", "Title"),
                FieldSpec("company", "Company"),
                FieldSpec("location", "Location"),
                FieldSpec("start", "Start (YYYY-MM)"),
                FieldSpec("end", "End (YYYY-MM or present)"),
                FieldSpec("bullets", "Bullets", "lines"),
            ],
            lambda r: _join(r.get("title"), r.get("company")),
            noun="job",
        )
        self.addTab(self.experience, "E&xperience")
        self.addTab(_scrolled(self._build_more()), "Ed&ucation and more")
        self.sources = ProfileSources()
        self.addTab(_scrolled(self.sources), "&Documents")
        for editor in (
            self.experience,
            self.education,
            self.certifications,
            self.languages,
            self.referees,
        ):
            editor.changed.connect(self._edited)

    # ---- building
    def _build_overview(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        contact = QGroupBox("Contact")
        form = QFormLayout(contact)
        self.contact: dict[str, QLineEdit] = {}
        for key, label in _CONTACT:
            edit = QLineEdit()
            edit.setAccessibleName(label.replace("&", ""))
            edit.textEdited.connect(self._edited)
            self.contact[key] = edit
            form.addRow(label + ":", edit)
        self.links = _text_edit(56, "Links")
        self.links.setPlaceholderText("One link per line (LinkedIn, portfolio…)")
        self.links.textChanged.connect(self._edited)
        form.addRow("Lin&ks:", self.links)
        self.years = QDoubleSpinBox()
        self.years.setRange(-1, 70)
        self.years.setDecimals(1)
        self.years.setSpecialValueText("Unknown")
        self.years.setAccessibleName("Years of experience")
        self.years.valueChanged.connect(self._edited)
        form.addRow("&Years of experience:", self.years)
        layout.addWidget(contact)
        summary = QGroupBox("Summary")
        self.profile_text = _text_edit(90, "Summary")
        self.profile_text.textChanged.connect(self._edited)
        QVBoxLayout(summary).addWidget(self.profile_text)
        layout.addWidget(summary)
        self.persona_box = QGroupBox("Persona")
        self.persona = _text_edit(70, "Persona")
        self.persona.textChanged.connect(self._edited)
        QVBoxLayout(self.persona_box).addWidget(self.persona)
        layout.addWidget(self.persona_box)
        self.preferences = WorkPreferences()
        self.preferences.changed.connect(self._edited)
        layout.addWidget(self.preferences)
        layout.addStretch(1)
        return page

    def _build_more(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.education = RecordListEditor(
            [
                FieldSpec("degree", "Degree"),
                FieldSpec("institution", "Institution"),
                FieldSpec("start", "Start"),
                FieldSpec("end", "End"),
                FieldSpec("details", "Details", "lines"),
            ],
            lambda r: _join(r.get("degree"), r.get("institution")),
            noun="school",
        )
        self.certifications = RecordListEditor(
            [FieldSpec("name", "Name"), FieldSpec("date", "Date")],
            lambda r: _join(r.get("name"), r.get("date")),
            noun="certificate",
        )
        self.languages = RecordListEditor(
            [FieldSpec("name", "Language"), FieldSpec("level", "Level")],
            lambda r: _join(r.get("name"), r.get("level")),
            noun="language",
        )
        self.on_request = QCheckBox("References available on request")
        self.on_request.toggled.connect(self._edited)
        self.referees = RecordListEditor(
            [
                FieldSpec("name", "Name"),
                FieldSpec("details", "Details"),
                FieldSpec("email", "Email"),
                FieldSpec("phone", "Phone"),
            ],
            lambda r: _join(r.get("name"), r.get("details")),
            noun="referee",
        )
        for title, widget in (
            ("Education", self.education),
            ("Certifications", self.certifications),
            ("Languages", self.languages),
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            layout.addWidget(box)
        references = QGroupBox("References")
        box_layout = QVBoxLayout(references)
        box_layout.addWidget(self.on_request)
        box_layout.addWidget(self.referees)
        layout.addWidget(references)
        return page

    # ---- data in and out
    def set_profile(self, data: dict[str, Any]) -> None:
        self._loading = True
        self._data = copy.deepcopy(data)
        for key, edit in self.contact.items():
            edit.setText(str(data.get(key) or ""))
        self.links.setPlainText(
            "\n".join(
                str(link.get("url", "")) if isinstance(link, dict) else str(link)
                for link in data.get("links") or []
            )
        )
        years = data.get("years_experience")
        self.years.setValue(float(years) if isinstance(years, int | float) else -1)
        self.profile_text.setPlainText(str(data.get("profile_text") or ""))
        persona = data.get("persona")
        self.persona_box.setVisible(bool(persona))
        self.persona.setPlainText(str(persona or ""))
        self.preferences.set_preferences(data.get("preferences") or {})
        self.skills.set_data(data.get("skills") or [], data.get("suggested_job_titles") or [])
        self.experience.set_records(data.get("experience") or [])
        self.education.set_records(data.get("education") or [])
        self.certifications.set_records(data.get("certifications") or [])
        self.languages.set_records(data.get("languages") or [])
        references = data.get("references")
        if isinstance(references, dict):
            self.on_request.setChecked(bool(references.get("available_on_request")))
            self.referees.set_records(references.get("referees") or [])
        else:
            self.on_request.setChecked(False)
            self.referees.set_records(references or [])
        conflicts = self.sources.set_profile(data)
        self.setTabText(4, f"&Documents ⚠ {conflicts}" if conflicts else "&Documents")
        self._loading = False

    def profile(self) -> dict[str, Any]:
        data = copy.deepcopy(self._data)
        for key, edit in self.contact.items():
            data[key] = edit.text().strip() or None
        old_links = {
            str(link.get("url")): link for link in data.get("links") or [] if isinstance(link, dict)
        }
        data["links"] = [
            old_links.get(url, {"kind": _link_kind(url), "url": url})
            for url in (line.strip() for line in self.links.toPlainText().splitlines())
            if url
        ]
        data["years_experience"] = self.years.value() if self.years.value() >= 0 else None
        data["profile_text"] = self.profile_text.toPlainText().strip()
        if self.persona_box.isVisible() or data.get("persona"):
            data["persona"] = self.persona.toPlainText().strip() or None
        data["preferences"] = self.preferences.preferences(data.get("preferences") or {})
        data["skills"] = self.skills.skills()
        data["suggested_job_titles"] = self.skills.titles()
        data["experience"] = self.experience.records()
        data["education"] = self.education.records()
        data["certifications"] = self.certifications.records()
        data["languages"] = self.languages.records()
        if isinstance(data.get("references"), dict) or self.on_request.isChecked():
            data["references"] = {
                **(data.get("references") or {}),
                "available_on_request": self.on_request.isChecked(),
                "referees": self.referees.records(),
            }
        else:
            data["references"] = self.referees.records()
        return data

    def _edited(self, *_args: Any) -> None:
        if not self._loading:
            self.changed.emit()
