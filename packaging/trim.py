"""What the spec leaves out: unused Qt modules, plugins and translations, dev-only packages.

Libraries are pruned by linkage, not by name: after the unused plugins and
the system's own libraries are dropped, a library PyInstaller collected as a
dependency (or one of Qt's own) stays only if something kept links to it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

#: Strip symbols from the libraries (about 10 MB less); needs binutils' strip, not on Windows.
STRIP = not sys.platform.startswith("win") and shutil.which("strip") is not None

#: Installed with the dev extra or pulled in by optional code paths the app never takes.
EXCLUDED_PACKAGES = (
    "tkinter", "_tkinter", "PIL", "numpy", "IPython", "matplotlib", "fpdf", "fontTools",
    "pytest", "_pytest", "pytestqt", "pytest_asyncio", "pytest_timeout", "pluggy", "iniconfig",
    "PyInstaller", "_pyinstaller_hooks_contrib", "setuptools", "pkg_resources", "pip",
    "importlinter", "grimp", "ruff", "lib2to3", "idlelib", "pydoc_data", "test", "readline",
    # Only pydantic-ai's terminal chat, embeddings and realtime voice use these.
    "rich", "pygments", "markdown_it", "mdurl", "click", "tiktoken",
    # python-docx uses lxml.etree only.
    "lxml.objectify", "lxml.html", "lxml.isoschematron",
    # Nothing uses processes; left in, PyInstaller's multiprocessing hook costs ~8 ms at start.
    "multiprocessing", "concurrent.futures.process",
    # Database URLs are checked to be SQLite or PostgreSQL (app/storage/urls.py).
    "sqlalchemy.dialects.mssql", "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.oracle",
)

#: Linux libraries every desktop session has, and that must match the system's own
#: services, configuration and drivers (an old bundled fontconfig misreads a newer
#: fonts.conf; an old libstdc++ breaks newer Mesa drivers). The system's copy is used.
SYSTEM_LIBRARIES = (
    "libstdc++.so", "libgcc_s.so",
    "libX11.so", "libX11-xcb.so", "libXau.so", "libXdmcp.so", "libXext.so", "libXrender.so",
    "libfontconfig.so", "libfreetype.so", "libexpat.so",
    "libdbus-1.so", "libsystemd.so", "libgcrypt.so", "libgpg-error.so",
    "libglib-2.0.so", "libgobject-2.0.so", "libgio-2.0.so", "libgmodule-2.0.so",
    "libgthread-2.0.so", "libmount.so", "libblkid.so", "libselinux.so", "libpcre2-8.so",
)
#: Source and stub files some packages ship beside their compiled modules.
SOURCE_SUFFIXES = (".c", ".h", ".pyx", ".pxd", ".pxi", ".pyi")

#: Qt plugin folders the window uses; every other folder is left out.
KEPT_PLUGIN_TYPES = {
    "platforms",  # the windowing system (xcb, wayland, cocoa, windows, offscreen)
    "platformthemes",  # the desktop portal: file dialogs and the light/dark theme
    "platforminputcontexts",  # input methods (compose keys, IBus)
    "xcbglintegrations",  # OpenGL under X11, used by the xcb platform
    "wayland-shell-integration",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "styles",
    "iconengines",  # SVG icon themes
    "imageformats",
}
#: Inside kept folders, these are still not needed (embedded-device and remote platforms).
#: The GTK theme would drag in half of GTK's libraries, to be mixed with the system's own GTK.
DROPPED_PLUGINS = (
    "libqeglfs", "libqlinuxfb", "libqminimalegl", "libqvnc", "libqvkkhrdisplay", "libqgtk3",
)
#: Image formats kept: icons in SVG and ICO; the rest (jpeg, gif, tiff, webp, ...) are unused.
KEPT_IMAGE_FORMATS = ("qsvg", "qico")


def excluded_modules(used_qt: set[str]) -> list[str]:
    """Every PySide6 module the app does not import, and the dev-only packages."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    available = {f"PySide6.{path.name.split('.')[0]}" for path in folder.glob("Qt*.*")}
    return sorted((available - used_qt) | set(EXCLUDED_PACKAGES))


def _plugin_kept(dest: PurePosixPath) -> bool:
    parts = dest.parts
    if "plugins" not in parts:
        return True
    index = parts.index("plugins")
    if len(parts) <= index + 2:
        return True
    kind, name = parts[index + 1], parts[-1]
    if kind not in KEPT_PLUGIN_TYPES or name.startswith(DROPPED_PLUGINS):
        return False
    return kind != "imageformats" or any(fmt in name for fmt in KEPT_IMAGE_FORMATS)


def _is_translation(dest: PurePosixPath) -> bool:
    return "translations" in dest.parts and dest.suffix == ".qm"


def drop_unused(toc):  # type: ignore[no-untyped-def]
    """``toc`` (PyInstaller's (dest, src, typecode) entries) without unused Qt files."""
    kept = []
    for entry in toc:
        dest = PurePosixPath(entry[0].replace("\\", "/"))
        if dest.parts[:1] == ("PySide6",) and (_is_translation(dest) or not _plugin_kept(dest)):
            continue
        if dest.suffix in SOURCE_SUFFIXES or is_system_library(dest.name):
            continue
        kept.append(entry)
    return _drop_dangling_links(_prune_orphans(kept))


def is_system_library(name: str) -> bool:
    """One of ``SYSTEM_LIBRARIES``: left for the Linux desktop to provide."""
    return sys.platform.startswith("linux") and name.startswith(SYSTEM_LIBRARIES)


def _prune_orphans(toc):  # type: ignore[no-untyped-def]
    """Drop shared libraries nothing kept links to any more.

    Only libraries PyInstaller collected as dependencies (top level) and Qt's own
    libraries are candidates; extensions, plugins and libraries inside packages
    (loaded by ctypes, like pdfium) are the roots and always stay. Links are
    followed one level at a time (``direct_needs``), so what only a system
    library needs (libzstd for libsystemd) goes with it: the system has its own.
    """

    def candidate(dest: str) -> bool:
        dest = dest.replace("\\", "/")
        return "/" not in dest or dest.startswith("PySide6/Qt/lib/")

    binaries = [entry for entry in toc if entry[2] in ("BINARY", "EXTENSION")]
    libs = {Path(dest).name: src for dest, src, kind in binaries if candidate(dest)}
    roots = [src for dest, src, kind in binaries if not candidate(dest) or "python" in dest]
    needed = {Path(src).name for src in roots}
    while roots:
        for name in direct_needs(roots.pop()):
            if name in libs and name not in needed:
                needed.add(name)
                roots.append(libs[name])
    return [
        entry
        for entry in toc
        if entry[2] != "BINARY" or not candidate(entry[0]) or Path(entry[0]).name in needed
    ]


def direct_needs(path: str) -> set[str]:
    """File names of the libraries ``path`` links to itself (ELF ``DT_NEEDED``).

    ``ldd`` (PyInstaller's way on Linux) lists every library loaded, however
    indirectly; ``readelf`` (binutils) lists the direct ones. Without it, and on
    macOS and Windows (whose tools list direct imports), PyInstaller's is used.
    """
    readelf = shutil.which("readelf") if sys.platform.startswith("linux") else None
    if readelf:
        result = subprocess.run(
            [readelf, "--dynamic", "--wide", path], capture_output=True, text=True, check=False
        )
        return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", result.stdout))
    from PyInstaller.depend.bindepend import get_imports

    try:
        return {Path(name).name for name, _ in get_imports(path)}
    except Exception:  # not a binary this platform's tools can read
        return set()


def _drop_dangling_links(toc):  # type: ignore[no-untyped-def]
    """Symbolic links (PyInstaller's ``SYMLINK`` entries) whose target was dropped."""
    present = {Path(entry[0]).name for entry in toc if entry[2] != "SYMLINK"}
    return [entry for entry in toc if entry[2] != "SYMLINK" or Path(entry[1]).name in present]


def exe_icon(root: Path) -> str | None:
    """The executable's icon where the platform embeds one (Windows .ico, macOS .icns)."""
    if sys.platform.startswith("win"):
        return str(root / "resources" / "icons" / "jobagent.ico")
    return None
