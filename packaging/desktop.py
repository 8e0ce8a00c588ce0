"""The Linux ``.desktop`` entry, written at build time from the identity in app/__init__.py."""

from __future__ import annotations

from pathlib import Path

from manifest import identity


def desktop_entry(ident: dict[str, str] | None = None) -> str:
    """The freedesktop.org entry; ``Exec`` and ``Icon`` are names looked up on PATH and in
    the icon theme (docs/packaging.md shows where to put the two files)."""
    ident = ident or identity()
    return "\n".join(
        [
            f"# {ident['APP_NAME']} {ident['__version__']}, {ident['ORG_NAME']}",
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.5",
            f"Name={ident['APP_NAME']}",
            "GenericName=Job search",
            f"Comment={ident['APP_SUMMARY']}",
            f"Exec={ident['APP_ID']}",
            f"TryExec={ident['APP_ID']}",
            f"Icon={ident['APP_ID']}",
            "Terminal=false",
            "Categories=Office;Utility;",
            "Keywords=jobs;CV;resume;career;job search;",
            f"StartupWMClass={ident['APP_ID']}",
            "",
        ]
    )


def write(folder: Path) -> Path:
    ident = identity()
    path = folder / f"{ident['APP_ID']}.desktop"
    path.write_text(desktop_entry(ident), encoding="utf-8")
    return path
