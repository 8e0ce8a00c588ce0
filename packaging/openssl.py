"""One OpenSSL in the bundle: psycopg's private copy becomes a link to the bundle's own.

The psycopg-binary wheel carries its own ``libssl`` and ``libcrypto``
(renamed by auditwheel to ``libssl-6a9b88ec.so.3``), 7 MB beside the
OpenSSL Python's ``ssl`` module already brings. Within one major version
OpenSSL keeps its ABI, and every symbol a library needs names the version
that introduced it, so a library can use the bundle's copy when that copy
defines every version it asks for (libpq asks only for ``OPENSSL_3.0.0``).
Then the private copy is replaced by a symbolic link to the bundle's, and
libpq and Python share one OpenSSL. When any user of the private copy needs
a newer version, the copy stays. Linux only (``readelf`` from binutils).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import PurePosixPath

#: auditwheel's renamed copy: ``libcrypto-3a0647ea.so.3`` is ``libcrypto.so.3``.
VENDORED = re.compile(r"^(libssl|libcrypto)-[0-9a-f]{8}(\.so\.\d+)$")


def _readelf_versions(path: str) -> tuple[set[str], dict[str, set[str]]]:
    """The symbol versions ``path`` defines, and those it needs from each library."""
    result = subprocess.run(["readelf", "--version-info", "--wide", path],
                            capture_output=True, text=True, check=True)  # fmt: skip
    defined: set[str] = set()
    needed: dict[str, set[str]] = {}
    section = library = None
    for line in result.stdout.splitlines():
        if line.startswith("Version definition section"):
            section = "defined"
        elif line.startswith("Version needs section"):
            section = "needed"
        elif line.startswith("Version symbols section"):
            section = None
        elif section == "needed" and (match := re.search(r"File: (\S+)", line)):
            library = match[1]
        elif section and (match := re.search(r"Name: (\S+)", line)):
            if section == "defined":
                defined.add(match[1])
            elif library is not None:
                needed.setdefault(library, set()).add(match[1])
    return defined, needed


def share_openssl(toc):  # type: ignore[no-untyped-def]
    """``toc`` (PyInstaller's (dest, src, typecode) entries) with each vendored OpenSSL
    library that the bundle's own copy can stand in for turned into a ``SYMLINK`` to it.

    A vendored libssl needs its own libcrypto, so each folder's pair is replaced
    together or not at all; what the pair needs of each other does not count.
    """
    if not sys.platform.startswith("linux") or shutil.which("readelf") is None:
        return toc
    own = {dest: src for dest, src, kind in toc if kind == "BINARY" and "/" not in dest}
    binaries = {dest: src for dest, src, kind in toc if kind in ("BINARY", "EXTENSION")}
    vendored = {dest: own.get(_shared_name(dest)) for dest in binaries if _shared_name(dest)}
    asked: dict[str, set[str]] = {}
    for dest, src in binaries.items():
        if dest not in vendored:
            for library, versions in _readelf_versions(src)[1].items():
                asked.setdefault(library, set()).update(versions)
    replaced = {}
    for folder in {PurePosixPath(dest).parent for dest in vendored}:
        pair = [dest for dest in vendored if PurePosixPath(dest).parent == folder]
        if folder == PurePosixPath(".") or not all(vendored[dest] for dest in pair):
            continue
        if all(asked.get(PurePosixPath(dest).name, set()) <= _readelf_versions(vendored[dest])[0]
               for dest in pair):  # fmt: skip
            for dest in pair:
                replaced[dest] = "../" * len(folder.parts) + _shared_name(dest)
    return [
        (dest, replaced[dest], "SYMLINK") if dest in replaced else (dest, src, kind)
        for dest, src, kind in toc
    ]


def _shared_name(dest: str) -> str | None:
    """``libcrypto.so.3`` for ``psycopg_binary.libs/libcrypto-3a0647ea.so.3``, else None."""
    match = VENDORED.match(PurePosixPath(dest).name)
    return f"{match[1]}{match[2]}" if match else None
