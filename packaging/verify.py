"""Check a built bundle against what the app needs; fail naming everything that is missing.

    .venv/bin/python packaging/verify.py [packaging/dist/jobagent]

What is needed comes from ``manifest.Requirements.for_app()`` (derived from
the source tree). What the bundle holds is read from the bundle itself: the
modules in the executable's PYZ archive and ``base_library.zip``, extension
modules and loose modules on disk, data files, package metadata, and the libraries its
binaries link to. Exit code 0 when nothing is missing, 1
otherwise.
"""

from __future__ import annotations

import importlib.machinery
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import icu_data
from manifest import APP_NAME, ROOT, Requirements

CONTENTS = "_internal"
_EXTENSION_SUFFIXES = sorted([*importlib.machinery.EXTENSION_SUFFIXES, ".pyd", ".so"], key=len)
_MODULE_SUFFIXES = (".pyc", ".py")
_LOADERS = ("ld-linux", "ld64.so", "ld-musl")  # the dynamic loader is the system's


@dataclass
class Inventory:
    """What a bundle holds. ``files`` are "/"-separated paths inside the contents folder."""

    modules: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)


def executable(bundle: Path) -> Path:
    return bundle / (f"{APP_NAME}.exe" if sys.platform.startswith("win") else APP_NAME)


def read_bundle(bundle: Path) -> Inventory:
    contents = bundle / CONTENTS
    files = {p.relative_to(contents).as_posix() for p in contents.rglob("*") if p.is_file()}
    modules = set(sys.builtin_module_names) | _archived_modules(executable(bundle))
    base_library = contents / "base_library.zip"
    if base_library.exists():
        with zipfile.ZipFile(base_library) as archive:
            modules |= {name for path in archive.namelist() if (name := _module_name(path))}
    modules |= {name for path in files if (name := _module_name(path))}
    return Inventory(modules=modules, files=files)


def _archived_modules(exe: Path) -> set[str]:
    """Module names in the PYZ archive that PyInstaller embeds in the executable."""
    from PyInstaller.archive.readers import CArchiveReader

    if not exe.exists():
        return set()
    package = CArchiveReader(str(exe))
    names: set[str] = set()
    for entry, toc_entry in package.toc.items():
        if toc_entry[-1] == "z":  # an embedded PYZ archive
            names |= set(package.open_embedded_archive(entry).toc)
    return names


def _module_name(path: str) -> str | None:
    """``a/b/c.cpython-311-x86_64-linux-gnu.so`` -> ``a.b.c``; ``a/b/__init__.pyc`` -> ``a.b``."""
    parts = path.split("/")
    if "lib-dynload" in parts:
        parts = parts[parts.index("lib-dynload") + 1 :]
    name = parts[-1]
    for suffix in (*reversed(_EXTENSION_SUFFIXES), *_MODULE_SUFFIXES):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            break
    else:
        return None
    if "." in stem or not all(part.isidentifier() for part in parts[:-1]):
        return None
    dotted = [*parts[:-1]] if stem == "__init__" else [*parts[:-1], stem]
    return ".".join(dotted) or None


def problems(inventory: Inventory, needed: Requirements) -> list[str]:
    """One line for each thing the bundle lacks; empty when it is complete."""
    found = []
    found += [f"module {name}" for name in sorted(needed.modules - inventory.modules)]
    found += [f"data file {path}" for path in sorted(needed.data - inventory.files)]
    dist_infos = {
        _normalise(path.split("/")[0].removesuffix(".dist-info").rsplit("-", 1)[0])
        for path in inventory.files
        if path.split("/")[0].endswith(".dist-info") and path.endswith("/METADATA")
    }
    found += [
        f"package metadata of {name} (importlib.metadata needs it)"
        for name in sorted(needed.metadata)
        if _normalise(name) not in dist_infos
    ]
    for folder, prefix in sorted(needed.native):
        if not any(p.startswith(f"{folder}/{prefix}") for p in inventory.files):
            found.append(f"shared library {folder}/{prefix}*")
    platforms = {_plugin_name(p) for p in inventory.files if "/plugins/platforms/" in p}
    found += [
        f"Qt platform plugin {name}" for name in sorted(needed.qt_platforms - platforms)
    ]
    return found


def _normalise(distribution: str) -> str:
    return re.sub(r"[-_.]+", "_", distribution).lower()


def _plugin_name(path: str) -> str:
    """``PySide6/Qt/plugins/platforms/libqxcb.so`` -> ``xcb``."""
    stem = path.rsplit("/", 1)[-1].split(".")[0]
    stem = stem[3:] if stem.startswith("lib") else stem
    return stem[1:] if stem.startswith("q") else stem


def unlinked_libraries(bundle: Path) -> list[str]:
    """Libraries a bundled binary links to that were left out (pruned too far), though the
    build had them. System libraries (glibc, GL, ``trim.SYSTEM_LIBRARIES``) and ones the
    build machine lacks too (PyInstaller warns about those) are not counted."""
    import trim
    from PyInstaller.depend.bindepend import resolve_library_path
    from PyInstaller.depend.dylib import include_library

    contents = bundle / CONTENTS
    files = [path for path in contents.rglob("*") if path.is_file()]
    present = {path.name for path in files}
    installed = _installed_libraries()
    missing = set()
    for binary in files:
        if not _is_shared_object(binary.name):
            continue
        for name in trim.direct_needs(str(binary)):
            if name in present or name.startswith(_LOADERS) or not include_library(name):
                continue
            if trim.is_system_library(name):
                continue
            if name in installed or resolve_library_path(name) is not None:
                missing.add(f"library {name} (needed by {binary.relative_to(contents).as_posix()})")
    return sorted(missing)


def _installed_libraries() -> set[str]:
    """File names of the shared libraries inside the build's installed packages (Qt's too)."""
    import sysconfig

    site = Path(sysconfig.get_paths()["purelib"])
    return {path.name for path in site.rglob("*") if _is_shared_object(path.name)}


def _is_shared_object(name: str) -> bool:
    return name.endswith((".so", ".pyd", ".dll", ".dylib")) or ".so." in name


def icu_data_problems(bundle: Path) -> list[str]:
    """ICU data items Qt needs that the bundle's (trimmed) ICU data library lacks."""
    found = []
    for library in (bundle / CONTENTS).rglob("libicudata.so.*"):
        name = library.relative_to(bundle / CONTENTS).as_posix()
        try:
            items = icu_data.Package.parse(icu_data.read_library(library)[1]).names()
        except (ValueError, OSError) as exc:
            found.append(f"readable ICU data in {name} ({exc})")
            continue
        found += [f"ICU data item {item} in {name}" for item in icu_data.REQUIRED_ITEMS
                  if item not in items]  # fmt: skip
    return found


def verify(bundle: Path, needed: Requirements | None = None) -> list[str]:
    if not executable(bundle).exists():
        return [f"the executable {executable(bundle)}"]
    needed = needed or Requirements.for_app()
    found = problems(read_bundle(bundle), needed) + unlinked_libraries(bundle)
    if icu_data.tools_available():
        found += icu_data_problems(bundle)
    return found


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else ROOT / "packaging" / "dist" / APP_NAME
    needed = Requirements.for_app()
    missing = verify(bundle, needed)
    if missing:
        print(f"verify: the bundle {bundle} is incomplete; missing:", file=sys.stderr)
        for line in missing:
            print(f"  - {line}", file=sys.stderr)
        return 1
    print(
        f"verify: ok: {len(needed.modules)} modules, {len(needed.data)} data files, "
        f"{len(needed.metadata)} package metadata, native libraries and Qt plugins are inside"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
