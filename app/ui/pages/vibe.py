"""Vibe Check page: a chat about how you like to work; replies stream in; then your persona."""

from __future__ import annotations

import html

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
)

from app.ui.pages.base import Page
from app.ui.tasks import spawn
from app.ui.theme import colours


class VibePage(Page):
    title = "Vibe Check"

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        intro = QLabel(
            "A short chat about how you like to work: team, pace, feedback, what drains you. "
            "When you are done, <b>Write my persona</b> puts a summary on your profile, and "
            "the AI review of jobs takes it into account. Needs an AI model (Settings)."
        )
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.transcript = QTextBrowser()
        self.transcript.setAccessibleName("Conversation")
        self.transcript.setOpenLinks(False)
        self.layout_.addWidget(self.transcript, 1)
        self.input = QLineEdit()
        self.input.setAccessibleName("Your answer")
        self.input.setPlaceholderText("Type your answer and press Enter")
        self.input.returnPressed.connect(self.send_typed)
        self.send_button = QPushButton("&Send")
        self.send_button.clicked.connect(self.send_typed)
        self.start_button = QPushButton("S&tart")
        self.start_button.setToolTip("The interviewer asks the first question")
        self.start_button.clicked.connect(lambda: spawn(self.send(None)))
        self.persona_button = QPushButton("&Write my persona")
        self.persona_button.clicked.connect(lambda: spawn(self.write_persona()))
        self.reset_button = QPushButton("Start &over")
        self.reset_button.clicked.connect(lambda: spawn(self.reset()))
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        for button in (self.send_button, self.start_button, self.persona_button):
            row.addWidget(button)
        row.addWidget(self.reset_button)
        self.layout_.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.layout_.addWidget(self.status)
        self.persona = QLabel()
        self.persona.setObjectName("persona")
        self.persona.setWordWrap(True)
        self.layout_.addWidget(self.persona)
        self._busy = False
        self._set_busy(True)  # until attached

    def on_attached(self) -> None:
        spawn(self.reload())

    def _chat(self):  # type: ignore[no-untyped-def]
        from app.agents.vibe import VibeChat

        assert self.runtime is not None
        return VibeChat(self.runtime)

    async def reload(self) -> None:
        """Show the stored conversation and persona (the chat survives a restart)."""
        from app.storage.profiles import load_profile

        assert self.runtime is not None
        messages = await self._chat().messages()
        self.transcript.clear()
        for role, text in messages:
            self._append_turn(role, text)
        profile = await load_profile(self.runtime.db, self.runtime.user_id)
        self._show_persona(profile.get("persona"))
        self._set_busy(False)
        retry = bool(messages) and messages[-1][0] == "user"
        self.start_button.setText("&Retry" if retry else "S&tart")
        self.start_button.setVisible(retry or not messages)

    def send_typed(self) -> None:
        text = self.input.text().strip()
        if text and not self._busy:
            self.input.clear()
            spawn(self.send(text))

    async def send(self, text: str | None) -> None:
        """Append the user's turn, then the interviewer's reply as it streams in."""
        from app.core.errors import UserError

        if text:
            self._append_turn("user", text)
        self._set_busy(True)
        self._say("")
        self._start_turn("assistant")
        try:
            async for piece in self._chat().reply(text):
                self._append_text(piece)
        except UserError as exc:
            await self.reload()  # show what is stored: the typed answer is kept for a retry
            self._say(str(exc), ok=False)
            return
        finally:
            self._set_busy(False)
        self.start_button.setVisible(False)

    async def write_persona(self) -> None:
        from app.core.errors import UserError

        self._set_busy(True)
        self._say("Writing your persona…")
        try:
            persona = await self._chat().write_persona()
        except UserError as exc:
            self._say(str(exc), ok=False)
            return
        finally:
            self._set_busy(False)
        self._show_persona(persona)
        self._say("Your persona is saved on your profile.", ok=True)

    async def reset(self) -> None:
        await self._chat().reset()
        await self.reload()
        self._say("The conversation was cleared; your persona stays until you write a new one.")

    # ------------------------------------------------------------------ display

    def _append_turn(self, role: str, text: str) -> None:
        self._start_turn(role)
        self._append_text(text)

    def _start_turn(self, role: str) -> None:
        who = "You" if role == "user" else "Coach"
        cursor = self.transcript.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not self.transcript.document().isEmpty():
            cursor.insertBlock()
            cursor.insertBlock()
        cursor.insertHtml(f"<b>{who}:</b> ")
        self.transcript.setTextCursor(cursor)

    def _append_text(self, text: str) -> None:
        cursor = self.transcript.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        self.transcript.setTextCursor(cursor)
        self.transcript.ensureCursorVisible()

    def transcript_text(self) -> str:
        return self.transcript.toPlainText()

    def _show_persona(self, persona: str | None) -> None:
        if persona:
            body = "<br>".join(html.escape(line) for line in persona.splitlines())
            self.persona.setText(f"<b>Your persona</b><br>{body}")
        else:
            self.persona.setText("")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.input, self.send_button, self.start_button, self.persona_button,
                       self.reset_button):  # fmt: skip
            widget.setEnabled(not busy)

    def _say(self, text: str, ok: bool | None = None) -> None:
        self.status.setText(text)
        if ok is None or not text:
            self.status.setStyleSheet("")
            return
        background, foreground = colours("good" if ok else "poor", self)
        self.status.setStyleSheet(f"background: {background}; color: {foreground}; padding: 4px;")
