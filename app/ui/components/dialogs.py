"""Dialogs awaited from coroutines without a nested event loop.

``exec()`` inside a coroutine starts a second event loop under qasync's
("Cannot enter into task … while another task is being executed"). These
helpers ``open()`` the dialog (window-modal, the loop keeps running) and
await a future its ``finished`` signal resolves. When the awaiting task is
cancelled (the app quits), the dialog is closed.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.cv_files import CV_FILTER


async def run_dialog(dialog: QDialog) -> int:
    """Show ``dialog`` with ``open()`` and wait for its result (Accepted or Rejected)."""
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await future
    except asyncio.CancelledError:
        dialog.reject()
        raise


class PasswordDialog(QDialog):
    """Asks for one file's password; the text is never logged or kept."""

    def __init__(self, filename: str, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle("Password needed")
        self.filename = filename
        label = QLabel(message)
        label.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(f"Password for {filename}")
        label.setBuddy(self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.password)
        layout.addWidget(buttons)


async def ask_password(parent: QWidget, filename: str, message: str) -> str | None:
    """The password the user typed, or None when they cancelled."""
    dialog = PasswordDialog(filename, message, parent)
    try:
        if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.password.text()
    finally:
        dialog.password.clear()
        dialog.deleteLater()


async def choose_open_files(
    parent: QWidget, caption: str, name_filter: str = CV_FILTER
) -> list[Path]:
    dialog = QFileDialog(parent, caption)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setNameFilter(name_filter)
    try:
        if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return []
        return [Path(name) for name in dialog.selectedFiles()]
    finally:
        dialog.deleteLater()


async def choose_save_file(
    parent: QWidget, caption: str, suggested: str, name_filter: str
) -> Path | None:
    dialog = QFileDialog(parent, caption)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(name_filter)
    dialog.selectFile(suggested)
    try:
        if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        files = dialog.selectedFiles()
        return Path(files[0]) if files else None
    finally:
        dialog.deleteLater()
