"""Extra sections of the Settings page, contributed by features (models, privacy, outbound log).

``settings_sections(runtime)`` returns ``(title, widget)`` pairs; the Settings
page shows each as a tab after its own. When the user presses Save, the page
calls each widget's ``apply()`` (when it has one) — it should copy its values
into ``runtime.settings`` or the keyring and raise ``UserError`` for a bad
value — and then writes the settings file once. A widget may also define
``revert()`` to show the stored values again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.runtime import Runtime


def settings_sections(runtime: Runtime) -> list[tuple[str, QWidget]]:
    """The features' own settings panels, in the order they should appear."""
    from app.ui.components.agents.model_panel import ModelSettingsPanel
    from app.ui.components.agents.outbound_view import OutboundLogView
    from app.ui.components.agents.privacy_panel import PrivacyPanel

    return [
        ("&AI model", ModelSettingsPanel(runtime)),
        ("Pr&ivacy", PrivacyPanel(runtime)),
        ("Outbound lo&g", OutboundLogView(runtime)),
    ]
