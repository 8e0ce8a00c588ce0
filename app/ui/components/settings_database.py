"""Settings ▸ Database: the SQLite file, or a PostgreSQL URL with a connection test.

The database in use cannot change under a running app, so a new choice is
saved for the next start, and the panel says so. A PostgreSQL password goes
to the OS keyring (``app.storage.credentials``), never into the settings
file; one typed inside the URL is moved to the password field.
"""

from __future__ import annotations

import asyncio
import html
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.tasks import spawn
from app.ui.widgets.verdict import VerdictLabel

if TYPE_CHECKING:
    from app.core.paths import AppPaths
    from app.core.secrets import SecretStore
    from app.core.settings import Settings
    from app.runtime import Runtime

TEST_TIMEOUT_S = 20


async def check_database(url: str) -> tuple[bool, str]:
    """(usable, verdict) for ``url``: can the app connect, and is the schema right?"""
    from app.core.errors import SchemaBehindError, UserError
    from app.storage.database import Database
    from app.storage.urls import describe, is_sqlite, parse_url

    try:
        sqlite = is_sqlite(url)
        if sqlite:
            path = Path(parse_url(url).database or "")
            if not path.exists():
                folder = path.parent if str(path.parent) else Path.cwd()
                if folder.is_dir() and os.access(folder, os.W_OK):
                    return (
                        True,
                        f"The file {path} does not exist yet; it will be created at "
                        "the next start.",
                    )
                return False, f"The folder {folder} does not exist or cannot be written."
        db = await Database.open(url, check_schema=False)
    except UserError as exc:
        return False, str(exc)
    try:
        await db.require_head()
        return True, f"Connected to {describe(url)}. The schema is up to date."
    except SchemaBehindError as exc:
        if sqlite:
            return (
                True,
                f"Connected to {describe(url)}. Its schema will be upgraded at the next start.",
            )
        return False, f"Connected, but the app cannot use it yet: {exc}"
    finally:
        await db.close()


def describe_in_use(runtime: Runtime) -> str:
    db = runtime.db
    return f"the SQLite file {db.engine.url.database}" if db.is_sqlite else db.display_url


class DatabasePanel(QWidget):
    """Edits ``settings.database``. ``in_use`` describes the database open now (or why none is).

    It needs no open database, so the window offers it when the database could not be
    opened: the user can point the app elsewhere instead of editing the settings file.
    """

    def __init__(
        self,
        settings: Settings,
        paths: AppPaths,
        in_use: str,
        secrets: SecretStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.secrets = secrets
        self.default_file = paths.sqlite_file
        self.use_default = QRadioButton(
            f"SQLite file in the app's data folder ({self.default_file})"
        )
        self.use_file = QRadioButton("Another SQLite &file:")
        self.use_postgres = QRadioButton("&PostgreSQL server:")
        self.group = QButtonGroup(self)
        for button in (self.use_default, self.use_file, self.use_postgres):
            self.group.addButton(button)
            button.toggled.connect(self._mode_changed)
        self.file_path = QLineEdit()
        self.file_path.setAccessibleName("SQLite file path")
        self.file_path.setPlaceholderText("/path/to/jobagent.sqlite3")
        self.postgres_url = QLineEdit()
        self.postgres_url.setAccessibleName("PostgreSQL URL")
        self.postgres_url.setPlaceholderText("postgresql://USER@HOST:5432/DATABASE")
        self.postgres_password = QLineEdit()
        self.postgres_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.postgres_password.setAccessibleName("PostgreSQL password")
        self.postgres_password.setPlaceholderText("Password")
        self.postgres_password.setToolTip("Kept in the OS keyring, never in the settings file")
        self.postgres_password.setMinimumWidth(180)
        self.test_button = QPushButton("&Test connection")
        self.test_button.clicked.connect(lambda: spawn(self.test_connection()))
        self.verdict = VerdictLabel("databaseVerdict")
        in_use = html.escape(in_use)
        note = QLabel(
            f"The database in use now is <b>{in_use}</b>. A change here is saved for the "
            "<b>next start</b> of the app. With PostgreSQL, the database's owner must create "
            "the schema first (<code>jobagent db upgrade</code>). The password is kept in the "
            "OS keyring, never in the settings file; a <code>~/.pgpass</code> file works too."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.use_default)
        file_row = QHBoxLayout()
        file_row.addWidget(self.use_file)
        file_row.addWidget(self.file_path, 1)
        layout.addLayout(file_row)
        pg_row = QHBoxLayout()
        pg_row.addWidget(self.use_postgres)
        pg_row.addWidget(self.postgres_url, 1)
        pg_row.addWidget(self.postgres_password)
        layout.addLayout(pg_row)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.verdict, 1)
        layout.addLayout(test_row)
        layout.addStretch(1)
        self.revert()

    def revert(self) -> None:
        from app.storage.credentials import split_password, stored_password
        from app.storage.urls import is_sqlite, parse_url

        url = self.settings.database.url
        self.file_path.clear()
        self.postgres_url.clear()
        self.postgres_password.clear()
        if not url:
            self.use_default.setChecked(True)
        elif is_sqlite(url):
            self.use_file.setChecked(True)
            self.file_path.setText(parse_url(url).database or "")
        else:
            self.use_postgres.setChecked(True)
            bare, in_url = split_password(url)
            self.postgres_url.setText(bare)
            self.postgres_password.setText(in_url or stored_password(bare, self.secrets) or "")
        self.verdict.clear()
        self._mode_changed()

    def chosen_url(self) -> str | None:
        """The URL chosen, with its password (None: the default SQLite file); raises
        UserError when unusable."""
        from app.core.errors import UserError
        from app.storage.credentials import split_password, with_password
        from app.storage.urls import is_sqlite, parse_url

        if self.use_file.isChecked():
            path = self.file_path.text().strip()
            if not path:
                raise UserError("Enter the path of the SQLite file, or choose the default file.")
            return f"sqlite:///{Path(path).expanduser()}"
        if self.use_postgres.isChecked():
            url = self.postgres_url.text().strip()
            if not url:
                raise UserError("Enter the PostgreSQL URL, e.g. postgresql://user:pw@host/db.")
            parse_url(url)
            if is_sqlite(url):
                raise UserError("That is a SQLite URL; choose “Another SQLite file” for it.")
            bare, in_url = split_password(url)
            if in_url:  # typed inside the URL: show it where passwords go
                self.postgres_url.setText(bare)
                self.postgres_password.setText(in_url)
            return with_password(bare, self.postgres_password.text() or None)
        return None

    def apply(self) -> None:
        """Store the choice; a PostgreSQL password goes to the keyring, the URL without it."""
        from app.core.errors import UserError
        from app.storage.credentials import remember_password

        url = self.chosen_url()
        if url is None or not self.use_postgres.isChecked():
            self.settings.database.url = url
            return
        bare, kept = remember_password(url, None, self.secrets)
        if not kept:
            raise UserError(
                "Not saved: this computer has no OS keyring to keep the password in. Put the "
                "password in a ~/.pgpass file and leave the password field empty."
            )
        self.settings.database.url = bare

    async def test_connection(self) -> None:
        from app.core.errors import UserError
        from app.storage.urls import sqlite_url

        try:
            url = self.chosen_url() or sqlite_url(self.default_file)
        except UserError as exc:
            self.verdict.show_verdict(False, str(exc))
            return
        self.test_button.setEnabled(False)
        self.verdict.show_verdict(None, "Testing…")
        try:
            ok, verdict = await asyncio.wait_for(check_database(url), TEST_TIMEOUT_S)
        except TimeoutError:
            ok, verdict = (
                False,
                f"No answer within {TEST_TIMEOUT_S} seconds. Check the host and port.",
            )
        finally:
            self.test_button.setEnabled(True)
        self.verdict.show_verdict(ok, verdict)

    def _mode_changed(self, *_args: object) -> None:
        self.file_path.setEnabled(self.use_file.isChecked())
        self.postgres_url.setEnabled(self.use_postgres.isChecked())
        self.postgres_password.setEnabled(self.use_postgres.isChecked())
