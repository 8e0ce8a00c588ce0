"""The profile page: every field editable and stored, skills with their evidence, conflicts
flagged, and edits never lost when the app closes."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.storage.profiles import load_profile, save_profile, update_user
from app.ui.demo_data import DEMO_PERSONA, DEMO_PREFERENCES, demo_profile
from tests.ui.app_driver import running_app


def test_edit_save_and_reload(qapp, qloop, app_home):
    async def edit() -> None:
        async with running_app(qapp, app_home) as app:
            await save_profile(app.runtime.db, app.runtime.user_id, demo_profile())
            await update_user(
                app.runtime.db,
                app.runtime.user_id,
                persona=DEMO_PERSONA,
                preferences=DEMO_PREFERENCES,
            )
            page = app.page("profile")
            await page.reload()
            app.window.show_page("profile")
            form = page.form
            assert form.contact["name"].text() == "Priya Raman"
            assert form.persona_box.isVisibleTo(form) and "month end" in form.persona.toPlainText()
            assert form.tabText(4) == "&Documents ⚠ 1"
            assert "different phone numbers" in form.sources.conflicts.text()
            assert "priya-raman-cv-2023.docx" in form.sources.conflicts.text()
            chip = form.skills.chips.chip("Xero")
            assert "Migrated four subsidiaries" in chip.toolTip()
            assert "priya-raman-cv-2026.pdf" in chip.toolTip()
            assert form.skills.titles_view.topLevelItem(0).text(1) == "91%"
            assert not page.save_button.isEnabled()

            # Edit as a person would: type, remove a chip by keyboard, add a skill.
            form.contact["phone"].selectAll()
            QTest.keyClicks(form.contact["phone"], "+44 7700 900999")
            chip.setFocus()
            QTest.keyClick(chip, Qt.Key.Key_Delete)
            QTest.keyClicks(form.skills.new_skill, "NetSuite")
            QTest.keyClick(form.skills.new_skill, Qt.Key.Key_Return)
            form.setCurrentIndex(2)
            form.experience.list.setCurrentRow(1)
            form.experience._editors["company"].selectAll()
            QTest.keyClicks(form.experience._editors["company"], "Calder and Wright")
            form.setCurrentIndex(1)
            form.skills.titles_view.setCurrentItem(form.skills.titles_view.topLevelItem(1))
            form.skills.want_selected()
            assert page.save_button.isEnabled() and page.dirty_label.text()
            QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
            await app.until(lambda: not page.dirty, what="the save")

            stored = await load_profile(app.runtime.db, app.runtime.user_id)
            assert stored["phone"] == "+44 7700 900999"
            names = [s["name"] for s in stored["skills"]]
            assert "Xero" not in names and "NetSuite" in names
            assert stored["experience"][1]["company"] == "Calder and Wright"
            assert stored["experience"][1]["bullets"]  # untouched keys kept
            assert stored["preferences"]["wanted_titles"][-1] == "Financial Accountant"
            assert stored["persona"] == DEMO_PERSONA
            assert stored["conflicts"] and stored["documents"]  # shown, never dropped

            # An edit left unsaved at quit is kept all the same.
            form.setCurrentIndex(0)
            QTest.keyClicks(form.contact["headline"], " (ACCA)")

    async def reopened() -> None:
        async with running_app(qapp, app_home) as app:
            stored = await load_profile(app.runtime.db, app.runtime.user_id)
            assert stored["headline"] == "ACCA-qualified Senior Accountant (ACCA)"
            page = app.page("profile")
            await app.until(lambda: page.form.contact["headline"].text().endswith("(ACCA)"))

    qloop.run_until_complete(asyncio.wait_for(edit(), 60))
    qloop.run_until_complete(asyncio.wait_for(reopened(), 60))
