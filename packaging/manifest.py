"""What the bundle must hold, derived from the source tree so it cannot go stale.

Modules: every module under ``app/``, everything ``app/`` and ``migrations/``
import (found by reading their source, imports inside functions included),
and the modules the app loads by name (``app.selftest.modules``). Data: every
file under ``migrations/`` and ``resources/``, plus the files some libraries
need at run time. The spec turns this into hidden imports and data; the
verifier checks the built bundle against it.
"""

from __future__ import annotations

import ast
import importlib.machinery
import importlib.util
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def identity(root: Path = ROOT) -> dict[str, str]:
    """The app's name, id, organisation and version, read from app/__init__.py (not imported)."""
    tree = ast.parse((root / "app" / "__init__.py").read_text(encoding="utf-8"))
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    values[target.id] = node.value.value
    return values


APP_NAME = identity()["APP_ID"]  # the executable's and the bundle folder's name

#: Distributions that read their own version (or entry points) through importlib.metadata.
METADATA = (
    "pydantic-ai-slim",
    "pydantic",
    "genai-prices",
    "httpx2",
    "httpcore2",
    "psycopg",
    "psycopg-binary",
    "keyring",
    "opentelemetry-api",
    "google-genai",
)

#: Files some libraries open at run time (paths inside the bundle's contents folder).
LIBRARY_DATA = ("certifi/cacert.pem",)

#: Shared libraries loaded through ctypes, by platform: (folder, file-name prefix).
_NATIVE_LIBS = {
    "linux": (("pypdfium2_raw", "libpdfium"),),
    "darwin": (("pypdfium2_raw", "libpdfium"),),
    "win32": (("pypdfium2_raw", "pdfium"),),
}

#: Qt platform plugins the window needs: offscreen for the self-test, the desktop's own.
_QT_PLATFORMS = {
    "linux": ("offscreen", "xcb", "wayland"),
    "darwin": ("offscreen", "cocoa"),
    "win32": ("offscreen", "windows"),
}


def _platform_key(platform: str) -> str:
    return "linux" if platform.startswith("linux") else platform


@dataclass
class Requirements:
    """What a bundle must contain. ``for_app()`` derives it from this repository."""

    modules: set[str] = field(default_factory=set)
    data: set[str] = field(default_factory=set)  # file paths, "/"-separated
    metadata: set[str] = field(default_factory=set)  # distribution names
    native: set[tuple[str, str]] = field(default_factory=set)  # (folder, file-name prefix)
    qt_platforms: set[str] = field(default_factory=set)

    @classmethod
    def for_app(cls, platform: str = sys.platform) -> Requirements:
        key = _platform_key(platform)
        return cls(
            modules=app_modules() | imported_modules() | set(runtime_modules(platform)),
            data=set(data_files()) | set(LIBRARY_DATA),
            metadata=set(METADATA),
            native=set(_NATIVE_LIBS.get(key, ())),
            qt_platforms=set(_QT_PLATFORMS.get(key, ())),
        )


def app_modules(root: Path = ROOT) -> set[str]:
    """Every module and package under ``app/``, as dotted names."""
    names = set()
    for path in (root / "app").rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def runtime_modules(platform: str = sys.platform) -> tuple[str, ...]:
    """The modules the app imports by name (read from the app, not repeated here)."""
    path = ROOT / "app" / "selftest" / "modules.py"
    spec = importlib.util.spec_from_file_location("_jobagent_lazy_modules", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.lazy_modules(platform)


def source_files(root: Path = ROOT) -> list[Path]:
    return sorted([*(root / "app").rglob("*.py"), *(root / "migrations").rglob("*.py")])


def imported_modules(root: Path = ROOT) -> set[str]:
    """Absolute imports in app/ and migrations/ that name a module (not a class or function)."""
    found: set[str] = set()
    for path in source_files(root):
        for name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            found.add(name)
    return {name for name in found if not name.startswith("app.") and name != "app"}


def _imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "__future__":
                continue
            names.add(node.module)
            names |= {
                f"{node.module}.{alias.name}"
                for alias in node.names
                if is_module(f"{node.module}.{alias.name}")
            }
    return names


def _runtime_nodes(tree: ast.AST):  # type: ignore[no-untyped-def]
    """All nodes except those under ``if TYPE_CHECKING:`` (never imported at run time)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def is_module(dotted: str) -> bool:
    """True when ``dotted`` is an importable module, found without running any package code."""
    parts = dotted.split(".")
    try:
        spec = importlib.machinery.PathFinder.find_spec(parts[0])
        if spec is None and parts[0] in sys.builtin_module_names:
            return len(parts) == 1
        for depth in range(1, len(parts)):
            if spec is None or not spec.submodule_search_locations:
                return False
            spec = importlib.machinery.PathFinder.find_spec(
                ".".join(parts[: depth + 1]), list(spec.submodule_search_locations)
            )
    except (ImportError, ValueError):
        return False
    return spec is not None


def data_files(root: Path = ROOT) -> list[str]:
    """Every file the app reads from the bundle: migrations and resources."""
    files = []
    for folder in ("migrations", "resources"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                files.append(path.relative_to(root).as_posix())
    return files


def qt_modules(modules: set[str]) -> set[str]:
    """The PySide6 modules among ``modules`` ("PySide6.QtCore", ...)."""
    return {name for name in modules if name.startswith("PySide6.Qt")}
