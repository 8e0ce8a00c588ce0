"""The profile's skills (chips with their evidence) and suggested job titles (with reasons)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.components.profile_sources import source_text
from app.ui.widgets.chips import ChipList

#: What a skill the user typed carries as evidence (the profiling run keeps such skills).
ADDED_BY_YOU = "Added by you."


def skill_tooltip(skill: dict[str, Any]) -> str:
    lines = [f"Category: {skill.get('category') or 'other'}"]
    if skill.get("evidence"):
        lines.append(f"Evidence: “{skill['evidence']}”")
    if skill.get("source"):
        lines.append(f"From {source_text(skill['source'])}")
    return "\n".join(lines)


class SkillsAndTitles(QWidget):
    """Signals:
    changed(): a skill was added or removed, or a suggestion dropped.
    wanted(str): the user wants this suggested title (add it to the wanted titles).
    """

    changed = Signal()
    wanted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._skills: list[dict[str, Any]] = []
        self._titles: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "<b>Skills</b> — hover or focus a skill to see where your CV "
                "shows it; Delete removes the focused one."
            )
        )
        self.chips = ChipList(removable=True, empty_text="No skills yet.")
        self.chips.removed.connect(self._remove_skill)
        chips_area = QScrollArea()
        chips_area.setWidgetResizable(True)
        chips_area.setWidget(self.chips)
        layout.addWidget(chips_area, 2)
        self.new_skill = QLineEdit()
        self.new_skill.setPlaceholderText("Add a skill…")
        self.new_skill.setAccessibleName("New skill")
        self.new_skill.returnPressed.connect(self.add_typed_skill)
        add = QPushButton("&Add skill")
        add.clicked.connect(self.add_typed_skill)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_skill, 1)
        add_row.addWidget(add)
        layout.addLayout(add_row)
        layout.addWidget(QLabel("<b>Suggested job titles</b>"))
        self.titles_view = QTreeWidget()
        self.titles_view.setAccessibleName("Suggested job titles")
        self.titles_view.setHeaderLabels(["Title", "Fit", "Why"])
        self.titles_view.setRootIsDecorated(False)
        self.titles_view.header().resizeSection(0, 220)
        self.titles_view.header().resizeSection(1, 60)
        layout.addWidget(self.titles_view, 2)
        want = QPushButton("&Want this title")
        want.setToolTip("Add the selected title to the titles you are looking for")
        want.clicked.connect(self.want_selected)
        drop = QPushButton("&Remove suggestion")
        drop.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(want)
        buttons.addWidget(drop)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def set_data(self, skills: list[Any], titles: list[Any]) -> None:
        self._skills = [dict(s) for s in skills if isinstance(s, dict)]
        self._titles = [dict(t) for t in titles if isinstance(t, dict)]
        self._show_skills()
        self._show_titles()

    def skills(self) -> list[dict[str, Any]]:
        return [dict(s) for s in self._skills]

    def titles(self) -> list[dict[str, Any]]:
        return [dict(t) for t in self._titles]

    def add_typed_skill(self) -> None:
        name = self.new_skill.text().strip()
        if not name or name.casefold() in {str(s.get("name", "")).casefold() for s in self._skills}:
            return
        self._skills.append({"name": name, "category": "other", "evidence": ADDED_BY_YOU})
        self.new_skill.clear()
        self._show_skills()
        self.changed.emit()

    def want_selected(self) -> None:
        index = self._selected_title()
        if index >= 0:
            self.wanted.emit(str(self._titles[index].get("title", "")))

    def remove_selected(self) -> None:
        index = self._selected_title()
        if index >= 0:
            del self._titles[index]
            self._show_titles()
            self.changed.emit()

    def _remove_skill(self, name: str) -> None:
        self._skills = [s for s in self._skills if s.get("name") != name]
        self._show_skills()
        self.changed.emit()

    def _show_skills(self) -> None:
        self.chips.set_chips([(str(s.get("name", "")), skill_tooltip(s)) for s in self._skills])

    def _show_titles(self) -> None:
        self.titles_view.clear()
        for title in self._titles:
            score = title.get("score")
            fit = (
                f"{score * 100:.0f}%"
                if isinstance(score, int | float) and score <= 1
                else str(score or "")
            )
            reason = str(title.get("reason", ""))
            item = QTreeWidgetItem([str(title.get("title", "")), fit, reason])
            item.setToolTip(2, reason)
            self.titles_view.addTopLevelItem(item)

    def _selected_title(self) -> int:
        item = self.titles_view.currentItem()
        return self.titles_view.indexOfTopLevelItem(item) if item is not None else -1
