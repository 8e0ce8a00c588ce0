"""The window and the profiling workflow together: import, the password prompt, edits kept."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.storage.profiles import load_profile
from tests.ui.app_driver import running_app


def test_import_password_edit_and_rerun(qapp, qloop, app_home, files, monkeypatch):
    asked: list[tuple[str, str]] = []

    async def type_password(parent, filename: str, message: str) -> str:
        asked.append((filename, message))
        return "s3cret"

    monkeypatch.setattr("app.ui.components.dialogs.ask_password", type_password)
    locked = files.pdf(name="locked.pdf", password="s3cret")

    async def drive() -> None:
        async with running_app(qapp, app_home) as app:
            page = app.page("profile")
            app.window.show_page("profile")
            await page.import_cvs([locked])
            # The first run failed on the locked file; the window asked and ran again.
            assert asked == [("locked.pdf",
                              "“locked.pdf” is encrypted: a password is needed to open it.")]
            form = page.form
            await app.until(lambda: form.contact["name"].text() == "Jane Doe", what="the profile")
            assert "locked.pdf" in form.sources.documents.topLevelItem(0).text(0)

            form.contact["location"].selectAll()
            QTest.keyClicks(form.contact["location"], "Leeds")
            QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
            await app.until(lambda: not page.dirty, what="the save")

            await page.rerun()
            await app.until(lambda: page.rerun_button.isEnabled(), what="the rerun")
            stored = await load_profile(app.runtime.db, app.runtime.user_id)
            assert stored["location"] == "Leeds" and stored["user_overrides"] == {
                "location": "Leeds"}  # fmt: skip
            assert form.contact["location"].text() == "Leeds"

    qloop.run_until_complete(asyncio.wait_for(drive(), 90))
