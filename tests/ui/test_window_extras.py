"""The rest of what a person touches: CVs dropped on the window, JSON Resume in and out,
the About box, dark palettes, and keyboard access."""

from __future__ import annotations

import asyncio
import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QMessageBox,
    QTabBar,
    QTableView,
    QWidget,
)

from app.profiling.taxonomy import ATTRIBUTION
from app.ui.menus import show_about
from app.ui.theme import colours, is_dark
from tests.ui.app_driver import running_app

CV_TEXT = """Maria Keller
Registered Nurse
maria.keller@example.org | +41 79 123 45 67 | Zurich
PROFILE
Nurse with 6 years on surgical wards.
EXPERIENCE
Staff Nurse, Spital Zurich, Zurich    2019 - Present
• Wound care and patient assessment for 28 beds
EDUCATION
BSc Nursing, ZHAW 2015 - 2018
SKILLS
Wound care, Patient assessment, Triage, Teamwork
"""

RESUME = {
    "basics": {
        "name": "Maria Keller",
        "label": "Charge Nurse",
        "email": "maria@example.org",
        "location": {"city": "Zurich", "countryCode": "CH"},
    },
    "work": [
        {
            "name": "Spital Zurich",
            "position": "Charge Nurse",
            "startDate": "2023-01",
            "highlights": ["Led a team of 12 nurses"],
        }
    ],
    "languages": [{"language": "German", "fluency": "Native"}],
}


def test_drop_a_cv_on_the_window_then_json_resume_both_ways(qapp, qloop, app_home, tmp_path):
    cv = tmp_path / "maria-keller.txt"
    cv.write_text(CV_TEXT, encoding="utf-8")
    resume_in = tmp_path / "resume.json"
    resume_in.write_text(json.dumps(RESUME), encoding="utf-8")
    resume_out = tmp_path / "exported.json"

    async def scenario() -> None:
        async with running_app(qapp, app_home) as app:
            window = app.window
            await app.skip_onboarding()
            window.show_page("jobs")
            app.drop_files([cv])  # anywhere on the window: the profile page takes it
            assert window.current_page_key() == "profile"
            profile = app.page("profile")
            await app.until(
                lambda: profile.form.contact["name"].text() == "Maria Keller", timeout=60
            )
            assert "Wound care" in " ".join(profile.form.skills.chips.texts())

            await profile.export_json_resume(resume_out)
            exported = json.loads(resume_out.read_text(encoding="utf-8"))
            assert exported["basics"]["name"] == "Maria Keller"
            assert any(w.get("name") == "Spital Zurich" for w in exported["work"])

            await profile.import_json_resume(resume_in)
            form = profile.form
            assert profile.dirty and form.contact["headline"].text() == "Charge Nurse"
            assert [r["name"] for r in form.languages.records()] == ["German"]
            await profile.save()
            from app.storage.profiles import load_profile

            stored = await load_profile(app.runtime.db, app.runtime.user_id)
            assert stored["headline"] == "Charge Nurse"
            assert stored["experience"][0]["title"] == "Charge Nurse"

    qloop.run_until_complete(asyncio.wait_for(scenario(), 90))


def test_about_box_names_the_taxonomy(qtbot):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    box = show_about(window)
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "O*NET" in box.text() and ATTRIBUTION[:40] in box.text()
    box.close()


def test_own_colours_follow_a_dark_palette(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    light_good = colours("good", widget)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    widget.setPalette(palette)
    assert is_dark(widget)
    assert colours("good", widget) != light_good
    assert QColor(colours("banner", widget)[0]).lightness() < 128


def test_every_control_can_be_named_and_reached_by_keyboard(qapp, qloop, app_home):
    """Buttons say what they do; text fields have accessible names; nothing needs a mouse
    to be focused."""

    async def scenario() -> list[str]:
        problems = []
        async with running_app(qapp, app_home) as app:
            await app.skip_onboarding()
            for key, page in app.window.pages.items():
                for button in page.findChildren(QAbstractButton):
                    internal = isinstance(button.parent(), QLineEdit | QTabBar | QTableView)
                    if internal or button.focusPolicy() == Qt.FocusPolicy.NoFocus:
                        continue  # Qt's own (clear buttons, table corners, tab scrollers)
                    if not (button.text().strip() or button.accessibleName()):
                        problems.append(f"{key}: a {type(button).__name__} without a name")
                for edit in page.findChildren(QLineEdit):
                    if edit.parent() is not None and type(edit.parent()).__name__ in (
                        "QSpinBox",
                        "QDoubleSpinBox",
                        "QComboBox",
                    ):
                        continue
                    if not edit.accessibleName():
                        problems.append(
                            f"{key}: a text field without an accessible name "
                            f"({edit.placeholderText()!r})"
                        )
            menus = [a.text() for a in app.window.menuBar().actions()]
            assert all("&" in text for text in menus), menus
            shortcuts = {
                a.shortcut().toString()
                for m in app.window.menuBar().actions()
                for a in m.menu().actions()
            }
            assert {"Ctrl+F", "Ctrl+,", "Ctrl+Q", "Ctrl+O", "F5"} <= shortcuts
        return problems

    assert qloop.run_until_complete(asyncio.wait_for(scenario(), 60)) == []
    assert QApplication.instance() is qapp
