"""Render resources/icons/jobagent.svg into the PNG sizes desktops ask for, and an ICO.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

The outputs are checked in (the app loads a PNG at start, which is cheaper
than loading QtSvg); rerun this after changing the SVG.
"""

from __future__ import annotations

import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "jobagent.svg"))
    if not renderer.isValid():
        sys.exit("jobagent.svg is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> None:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv)  # noqa: F841 (QImage and QPainter need one)
    for size in SIZES:
        render(size).save(str(ICONS / f"jobagent-{size}.png"), "PNG")
    render(256).save(str(ICONS / "jobagent.ico"), "ICO")
    print(f"wrote {len(SIZES)} PNGs and jobagent.ico into {ICONS}")


if __name__ == "__main__":
    main()
