"""First run: the onboarding shows, keeps a half-finished draft across a restart, then gets out
of the way for good."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.app_driver import running_app


def type_into(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    QTest.keyClicks(widget, text)


def test_half_finished_onboarding_survives_a_restart(qapp, qloop, app_home, tmp_path):
    cv = tmp_path / "cv.txt"
    cv.write_text("Priya Raman\nSenior Accountant\n", encoding="utf-8")

    async def first_visit() -> None:
        async with running_app(qapp, app_home) as app:
            onboarding = app.page("onboarding")
            await app.until(lambda: app.window.onboarding_active, what="onboarding")
            assert app.window.stack.currentWidget() is onboarding
            assert not app.window.nav.isVisible()
            type_into(onboarding.name, "Priya Raman")
            type_into(onboarding.email, "priya@example.org")
            type_into(onboarding.location, "Leeds, UK")
            QTest.mouseClick(onboarding.next_button, Qt.MouseButton.LeftButton)
            prefs = onboarding.preferences
            prefs.modes["hybrid"].setChecked(True)
            prefs.modes["remote"].setChecked(True)
            type_into(prefs.locations, "Leeds, York")
            prefs.salary_floor.setValue(45000)
            prefs.currency.setCurrentText("GBP")
            type_into(prefs.titles, "Senior Accountant, Financial Controller")
            app.drop_files([cv])  # a CV dropped anywhere joins the onboarding's list
            await app.until(lambda: onboarding.file_list.count() == 1)
            assert onboarding.steps.currentIndex() == 2
            # Closing now, half-way: nothing typed may be lost.

    async def second_visit() -> None:
        async with running_app(qapp, app_home) as app:
            onboarding = app.page("onboarding")
            await app.until(lambda: app.window.onboarding_active, what="onboarding again")
            assert onboarding.steps.currentIndex() == 2
            assert onboarding.name.text() == "Priya Raman"
            assert onboarding.location.text() == "Leeds, UK"
            prefs = onboarding.preferences.preferences()
            assert set(prefs["remote_modes"]) == {"hybrid", "remote"}
            assert prefs["locations"] == ["Leeds", "York"]
            assert prefs["salary_floor"] == 45000 and prefs["salary_currency"] == "GBP"
            assert prefs["wanted_titles"] == ["Senior Accountant", "Financial Controller"]
            assert onboarding.draft.files == [str(cv)]
            # Skip the CV this time: remove it, and finish.
            onboarding.file_list.setCurrentRow(0)
            onboarding._remove_file()
            assert "Skip" in onboarding.next_button.text()
            QTest.mouseClick(onboarding.next_button, Qt.MouseButton.LeftButton)
            await app.until(lambda: not app.window.onboarding_active, what="onboarding done")
            assert app.window.nav.isVisible()
            assert app.window.current_page_key() == "profile"

    async def third_visit() -> None:
        from app.storage.users import get_user

        async with running_app(qapp, app_home) as app:
            await app.settle(0.3)
            assert not app.window.onboarding_active
            user = await get_user(app.runtime.db, app.runtime.user_id)
            assert (user.name, user.email, user.location) == (
                "Priya Raman",
                "priya@example.org",
                "Leeds, UK",
            )
            assert user.preferences["wanted_titles"] == [
                "Senior Accountant",
                "Financial Controller",
            ]
            assert user.preferences["onboarding"]["completed"] is True

    for visit in (first_visit, second_visit, third_visit):
        qloop.run_until_complete(asyncio.wait_for(visit(), 60))
