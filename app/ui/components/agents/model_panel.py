"""Settings ▸ AI model: provider, model, base URL, the key (keyring only, never shown), a test."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.tasks import spawn
from app.ui.widgets.verdict import VerdictLabel

if TYPE_CHECKING:
    from app.runtime import Runtime

OUTPUT_MODES = {
    "auto": "Automatic (tool call, JSON prompt if the model cannot call tools)",
    "tool": "Tool call",
    "native": "Native structured output",
    "prompted": "JSON prompt (for small local models)",
}


class ModelSettingsPanel(QWidget):
    """Edits ``settings.model``; ``apply()`` stores it (and a typed key, in the keyring).

    The key field is write-only: it shows whether a key is stored, never the key.
    """

    def __init__(self, runtime: Runtime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.agents.providers import PROVIDERS

        self.runtime = runtime
        self.provider = QComboBox()
        self.provider.setAccessibleName("Provider")
        for name, label in PROVIDERS.items():
            self.provider.addItem(label, name)
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self.model = QLineEdit()
        self.model.setAccessibleName("Model name")
        self.model.setPlaceholderText("e.g. gpt-4o-mini, claude-3-5-haiku-latest, llama3.1")
        self.base_url = QLineEdit()
        self.base_url.setAccessibleName("Base URL")
        self.base_url.setPlaceholderText("http://127.0.0.1:11434/v1 (Ollama)")
        self.output_mode = QComboBox()
        self.output_mode.setAccessibleName("Structured output")
        for mode, label in OUTPUT_MODES.items():
            self.output_mode.addItem(label, mode)
        self.key = QLineEdit()
        self.key.setAccessibleName("API key")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_state = QLabel()
        self.delete_key_button = QPushButton("&Forget key")
        self.delete_key_button.clicked.connect(self.forget_key)
        self.test_button = QPushButton("&Test")
        self.test_button.setToolTip("Applies this form, then sends one tiny request")
        self.test_button.clicked.connect(lambda: spawn(self.test()))
        self.verdict = VerdictLabel("modelVerdict")

        note = QLabel(
            "An AI model is optional: without one everything works offline. With a cloud "
            "model, personal data is removed before sending (see Privacy); keys are kept in "
            "the OS keyring only."
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Provider:", self.provider)
        form.addRow("&Model:", self.model)
        form.addRow("&Base URL:", self.base_url)
        form.addRow("Structured &output:", self.output_mode)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.delete_key_button)
        form.addRow("API &key:", key_row)
        form.addRow("", self.key_state)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.verdict, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addStretch(1)
        self.revert()

    def current_provider(self) -> str:
        return self.provider.currentData()

    def revert(self) -> None:
        chosen = self.runtime.settings.model
        self.provider.setCurrentIndex(max(0, self.provider.findData(chosen.provider)))
        self.model.setText(chosen.model or "")
        self.base_url.setText(chosen.base_url or "")
        self.output_mode.setCurrentIndex(max(0, self.output_mode.findData(chosen.output_mode)))
        self.key.clear()
        self.verdict.clear()
        self.verdict.setStyleSheet("")
        self._provider_changed()

    def apply(self) -> None:
        """Copy the form into the settings; a typed key goes to the keyring, not the file."""
        from app.agents.providers import key_name, validate_choice

        provider = self.current_provider()
        chosen = validate_choice(
            provider, self.model.text().strip() or None, self.base_url.text().strip() or None
        )
        chosen.output_mode = self.output_mode.currentData()
        typed = self.key.text().strip()
        if typed and provider != "none":
            self.runtime.secrets.set(key_name(provider), typed)
        self.key.clear()
        self.runtime.settings.model = chosen
        self._show_key_state()

    def forget_key(self) -> None:
        from app.agents.providers import key_name

        provider = self.current_provider()
        if provider != "none":
            self.runtime.secrets.delete(key_name(provider))
        self.key.clear()
        self._show_key_state()

    async def test(self) -> None:
        from app.agents.modeltest import check_model
        from app.core.errors import UserError

        try:
            self.apply()
        except UserError as exc:
            self.verdict.show_verdict(False, str(exc))
            return
        self.test_button.setEnabled(False)
        self.verdict.show_verdict(None, "Testing…")
        try:
            verdict = await check_model(self.runtime)
        finally:
            self.test_button.setEnabled(True)
        self.verdict.show_verdict(verdict.ok, verdict.message)

    def _provider_changed(self, *_args: object) -> None:
        provider = self.current_provider()
        chosen = provider != "none"
        self.model.setEnabled(chosen)
        self.base_url.setEnabled(provider == "openai-compatible")
        self.output_mode.setEnabled(chosen)
        self.key.setEnabled(chosen)
        self.test_button.setEnabled(chosen)
        self._show_key_state()

    def _show_key_state(self) -> None:
        from app.agents.providers import CLOUD_PROVIDERS, key_name

        provider = self.current_provider()
        if provider == "none":
            self.key_state.setText("")
            self.delete_key_button.setEnabled(False)
            return
        stored = bool(self.runtime.secrets.get(key_name(provider)))
        self.delete_key_button.setEnabled(stored)
        if stored:
            text = "A key is stored in the OS keyring. Type a new one to replace it."
        elif provider in CLOUD_PROVIDERS:
            text = "No key stored yet: paste it here; it goes to the OS keyring."
        else:
            text = "Optional: most local servers need no key."
        if self.runtime.secrets.warning:
            text += " " + self.runtime.secrets.warning
        self.key.setPlaceholderText("••••••••" if stored else "paste the API key")
        self.key_state.setText(text)
