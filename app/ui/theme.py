"""Light or dark, as the system says: the Fusion style over the system's palette.

Fusion draws every widget from the palette, so it follows the platform
theme's light or dark colour scheme (Qt 6.5+ updates the palette when the
system switches). The few colours of our own (score badges, the error
banner) come from here, in a light and a dark variant.

Imported by ``application.create_qapp`` before the first paint, so it stays
light: Qt's namespace is touched only inside functions.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

_LIGHT = {
    "good": ("#d7f0dc", "#1b5e20"),
    "fair": ("#fff1c7", "#7a5300"),
    "poor": ("#f9dede", "#8e1c1c"),
    "none": ("#eeeeee", "#555555"),
    "banner": ("#fdecea", "#611a15"),
    "warning": ("#fff4e5", "#663c00"),
}
_DARK = {
    "good": ("#1f4d2b", "#c8f0d2"),
    "fair": ("#4d3d10", "#ffe7a3"),
    "poor": ("#5a2323", "#ffd1d1"),
    "none": ("#3a3a3a", "#cccccc"),
    "banner": ("#5a2323", "#ffd1d1"),
    "warning": ("#4d3d10", "#ffe7a3"),
}


def apply_theme(qapp: QApplication) -> None:
    """Use Fusion with the platform's palette (which carries its light or dark scheme).

    Often Fusion already is the default (Linux without a desktop theme): then nothing is
    done, which saves the ~5 ms a new style instance costs before the first paint.
    """
    if qapp.style().name().lower() != "fusion":
        qapp.setStyle("Fusion")


def is_dark(widget: QWidget | None = None) -> bool:
    """True when the palette in use is dark (text lighter than the window)."""
    palette = widget.palette() if widget is not None else QApplication.palette()
    return palette.window().color().lightness() < palette.windowText().color().lightness()


def colours(role: str, widget: QWidget | None = None) -> tuple[str, str]:
    """(background, foreground) for one of: good, fair, poor, none, banner, warning."""
    return (_DARK if is_dark(widget) else _LIGHT)[role]


def score_role(score: float | None) -> str:
    if score is None:
        return "none"
    if score >= 70:
        return "good"
    return "fair" if score >= 45 else "poor"
