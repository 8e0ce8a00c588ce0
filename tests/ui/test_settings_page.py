"""Settings: sources validated and saved, limits saved, the database choice tested with a readable
verdict and used at the next start."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.app_driver import running_app


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_sources_limits_and_database_are_saved(qapp, qloop, app_home, paths, tmp_path):
    other_db = tmp_path / "elsewhere" / "jobs.sqlite3"
    other_db.parent.mkdir()

    async def edit() -> None:
        async with running_app(qapp, app_home) as app:
            await app.skip_onboarding()
            QTest.keyClick(app.window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
            await app.until(lambda: app.window.current_page_key() == "settings")
            page = app.page("settings")
            sources = page.sources
            page.tabs.setCurrentWidget(sources)
            sources.spec.setText("greenhouse:")
            QTest.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
            assert sources.error.isVisible() and "needs an id" in sources.error.text()
            sources.spec.setText("greenhouse:acme")
            sources.name.setText("Acme Ltd")
            QTest.keyClick(sources.spec, Qt.Key.Key_Return)
            assert not sources.error.isVisible() and sources.spec.text() == ""
            for spec in ("lever:globex", "remotive:search=accountant", "greenhouse:acme"):
                sources.add_source(spec)
            assert "already in the list" in sources.error.text()
            assert [f"{e.kind}:{e.id}" for e in sources.entries] == [
                "greenhouse:acme",
                "lever:globex",
                "remotive:search=accountant",
            ]
            sources.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
            sources.table.selectRow(2)
            QTest.mouseClick(sources.remove_button, Qt.MouseButton.LeftButton)
            page.limits.max_pages.setValue(12)

            database = page.database
            page.tabs.setCurrentWidget(database)
            database.use_postgres.setChecked(True)
            database.postgres_url.setText(f"postgresql://app:pw@127.0.0.1:{closed_port()}/jobs")
            QTest.mouseClick(database.test_button, Qt.MouseButton.LeftButton)
            await app.until(lambda: database.verdict.text().startswith("✖"), timeout=30)
            assert "Cannot connect" in database.verdict.text()
            database.use_file.setChecked(True)
            database.file_path.setText(str(other_db))
            await database.test_connection()
            assert database.verdict.text().startswith("✔")
            assert "will be created at the next start" in database.verdict.text()
            QTest.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
            assert "next start" in page.status.text()
            assert str(paths.sqlite_file) in app.runtime.db.url  # unchanged until restart

    async def restarted() -> None:
        async with running_app(qapp, app_home) as app:
            assert str(other_db) in app.runtime.db.url
            page = app.page("settings")
            assert page.database.use_file.isChecked()
            assert [(f"{e.kind}:{e.id}", e.enabled, e.name) for e in page.sources.entries] == [
                ("greenhouse:acme", True, "Acme Ltd"),
                ("lever:globex", False, None),
            ]
            assert page.limits.max_pages.value() == 12

    qloop.run_until_complete(asyncio.wait_for(edit(), 60))
    saved = json.loads(paths.settings_file.read_text())
    assert saved["database"]["url"] == f"sqlite:///{other_db}"
    assert saved["import_limits"]["max_pages"] == 12
    qloop.run_until_complete(asyncio.wait_for(restarted(), 60))


def test_postgres_verdicts(postgres, qloop, tmp_path):
    from app.ui.components.settings_database import check_database

    ok, verdict = qloop.run_until_complete(check_database(postgres.owner_url))
    assert not ok and "jobagent db upgrade" in verdict and "Connected, but" in verdict
    bad = postgres.owner_url.replace("owner-pw-123", "wrong")
    ok, verdict = qloop.run_until_complete(check_database(bad))
    assert not ok and "password authentication failed" in verdict
    up = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--home",
            str(tmp_path),
            "db",
            "upgrade",
            "--url",
            postgres.owner_url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert up.returncode == 0, up.stderr
    ok, verdict = qloop.run_until_complete(check_database(postgres.owner_url))
    assert ok and "schema is up to date" in verdict and "owner-pw-123" not in verdict


@pytest.mark.parametrize("url", ["mysql://x@y/z", "not a url at all"])
def test_a_bad_url_is_refused_with_a_reason(qloop, url):
    from app.ui.components.settings_database import check_database

    ok, verdict = qloop.run_until_complete(check_database(url))
    assert not ok and ("Unsupported database" in verdict or "is not a database URL" in verdict)


def test_a_database_that_cannot_be_opened_can_be_changed_from_the_window(
    qapp, qloop, app_home, paths
):
    from app.core.settings import Settings, save_settings

    settings = Settings()
    settings.database.url = f"postgresql://app:pw@127.0.0.1:{closed_port()}/jobs"
    save_settings(settings, paths.settings_file)

    async def broken() -> None:
        async with running_app(qapp, app_home, expect_runtime=False, allow_errors=True) as app:
            await app.until(lambda: app.window.current_page_key() == "settings")
            assert app.window.runtime is None
            assert "Cannot connect" in app.window.banner.text()
            assert [title for title, _ in app.errors] == ["The database cannot be used"]
            page = app.page("settings")
            assert page.tabs.count() == 1 and page.database.use_postgres.isChecked()
            page.database.use_default.setChecked(True)
            QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
            assert page.status.text().startswith("✔")

    async def fixed() -> None:
        async with running_app(qapp, app_home) as app:
            assert str(paths.sqlite_file) in app.runtime.db.url

    qloop.run_until_complete(asyncio.wait_for(broken(), 60))
    assert json.loads(paths.settings_file.read_text())["database"]["url"] is None
    qloop.run_until_complete(asyncio.wait_for(fixed(), 60))


def test_a_postgres_password_goes_to_the_keyring_not_the_settings_file(qapp, paths):
    from PySide6.QtWidgets import QLineEdit

    from app.core.secrets import SecretStore
    from app.core.settings import Settings, load_settings, save_settings
    from app.ui.components.settings_database import DatabasePanel

    settings = Settings()
    panel = DatabasePanel(settings, paths, "the SQLite file", SecretStore())
    panel.use_postgres.setChecked(True)
    panel.postgres_url.setText("postgresql://app:Zq9%2Fsecret@db.example.org/jobs")
    panel.apply()
    assert settings.database.url == "postgresql://app@db.example.org/jobs"
    assert panel.postgres_url.text() == "postgresql://app@db.example.org/jobs"
    assert panel.postgres_password.text() == "Zq9/secret"
    assert panel.postgres_password.echoMode() == QLineEdit.EchoMode.Password
    save_settings(settings, paths.settings_file)
    assert "Zq9" not in paths.settings_file.read_text(encoding="utf-8")

    reopened = DatabasePanel(load_settings(paths.settings_file), paths, "x", SecretStore())
    assert reopened.use_postgres.isChecked()
    assert reopened.postgres_password.text() == "Zq9/secret"
    assert reopened.chosen_url() == "postgresql://app:Zq9%2Fsecret@db.example.org/jobs"
    reopened.postgres_password.setText("changed")
    reopened.apply()
    again = DatabasePanel(reopened.settings, paths, "x", SecretStore())
    assert again.postgres_password.text() == "changed"
