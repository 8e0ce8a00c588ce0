"""A smaller ICU data library for the bundle: the ICU data Qt uses, not every locale's.

PySide6's Linux wheels ship ICU's whole data library (``libicudata.so.73``,
32 MB): collation tailorings, display names, spell-out rules and
transliterators for some 800 locales, 150 legacy code-page converters, and
the CJK, Thai, Khmer, Lao and Burmese word dictionaries. Qt uses ICU for
collation (``QCollator``), case mapping, normalization, time zones and
codecs it lacks itself; its locale data (``QLocale``: names, dates,
numbers) is its own, and the app decodes files in Python.

So the library is rebuilt with:

- every item that is not locale data (Unicode properties, case and
  normalization data, the root collation and its UCA table, break rules,
  time-zone data, likely subtags, converter aliases...),
- the root and English locales in every tree, and each tree's index and pool,

and without other locales' data, the table-driven code-page converters
(UTF-8, UTF-16/32, Latin-1 and ASCII are built into ICU's code), the word
dictionaries, and the transliterators. A collator for any locale then uses
the root collation, which already orders accented letters with their base
letters. About 4 MB remain.

How: the data is one ICU "common data" package (``CmnD``) behind the symbol
``icudtNN_dat``; it is read with ``readelf``, filtered, and assembled into a
shared library with the same name and symbol by binutils' ``as`` and ``ld``
(the same binutils PyInstaller and ``strip`` use). Without them, or on a
platform whose Qt ships no ICU data library, the bundle keeps the original.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

#: ``libicudata.so.73``: Qt's own ICU build in the PySide6 wheel.
LIBRARY_NAME = re.compile(r"^libicudata\.so\.(\d+)$")
_MAGIC = (0xDA, 0x27)
_ALIGN = 16
#: A locale ID as ICU names its data items: "de", "en_GB", "zh_Hant_TW", "sr_Latn".
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
#: Not locales, though shaped like one; kept in every tree.
_TREE_FILES = {"root", "pool", "res_index"}
#: Trees no Qt code path opens: transliteration rules (1 MB).
_DROPPED_TREES = {"translit"}
#: Items Qt's code paths open; ``verify.py`` fails a bundle whose ICU data lacks one.
#: (Unicode properties, case mapping and NFC are compiled into libicuuc, not data items.)
REQUIRED_ITEMS = (
    "root.res", "en.res", "likelySubtags.res", "supplementalData.res", "cnvalias.icu",
    "nfkc.nrm", "coll/root.res", "coll/ucadata.icu", "coll/res_index.res", "zoneinfo64.res",
    "timezoneTypes.res", "metaZones.res", "brkitr/word.brk", "brkitr/line.brk",
)  # fmt: skip


@dataclass
class Package:
    """An ICU common data package: its header (copied as it is) and its named items."""

    header: bytes
    items: list[tuple[str, bytes]]

    @classmethod
    def parse(cls, blob: bytes) -> Package:
        header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
        if (magic1, magic2) != _MAGIC or blob[12:16] != b"CmnD":
            raise ValueError("not an ICU common data package")
        toc = memoryview(blob)[header_size:]
        (count,) = struct.unpack_from("<I", toc, 0)
        offsets = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
        items = []
        for index, (name_at, data_at) in enumerate(offsets):
            name = bytes(toc[name_at : bytes(toc).index(b"\0", name_at)]).decode("ascii")
            end = offsets[index + 1][1] if index + 1 < count else len(toc)
            items.append((name, bytes(toc[data_at:end])))
        return cls(bytes(blob[:header_size]), items)

    def to_bytes(self) -> bytes:
        """The package again: header, table of contents (order kept: ICU binary-searches
        it by name), names, then the items, each aligned to 16 bytes."""
        count = len(self.items)
        names = b"".join(name.encode("ascii") + b"\0" for name, _ in self.items)
        names_at = 4 + 8 * count
        data_at = _aligned(len(self.header) + names_at + len(names)) - len(self.header)
        entries, data, name_offset = [], bytearray(), names_at
        for name, item in self.items:
            entries.append(struct.pack("<II", name_offset, data_at + len(data)))
            name_offset += len(name) + 1
            data += item + b"\0" * (_aligned(len(item)) - len(item))
        toc = struct.pack("<I", count) + b"".join(entries) + names
        padding = b"\0" * (data_at - len(toc))
        return self.header + toc + padding + bytes(data)

    def names(self) -> set[str]:
        """Item names without the package prefix: ``coll/root.res``."""
        return {name.split("/", 1)[1] for name, _ in self.items}

    def size(self) -> int:
        return sum(len(item) for _, item in self.items)


def _aligned(size: int) -> int:
    return (size + _ALIGN - 1) // _ALIGN * _ALIGN


def kept(name: str) -> bool:
    """Whether the item ``icudt73l/coll/de.res`` (say) stays in the trimmed data."""
    path = PurePosixPath(name.split("/", 1)[1] if "/" in name else name)
    tree = path.parts[0] if len(path.parts) > 1 else ""
    if tree in _DROPPED_TREES or path.suffix in (".cnv", ".dict"):
        return False
    if path.suffix != ".res" or path.stem in _TREE_FILES or not _LOCALE.match(path.stem):
        return True
    return path.stem == "en" or path.stem.startswith("en_")


def trimmed(package: Package) -> Package:
    return Package(package.header, [(name, item) for name, item in package.items if kept(name)])


# ------------------------------------------------------------------ the library


def tools_available() -> bool:
    return sys.platform.startswith("linux") and all(
        shutil.which(tool) for tool in ("readelf", "as", "ld")
    )


def read_library(path: Path) -> tuple[str, bytes]:
    """The data symbol's name (``icudt73_dat``) and its bytes, found with ``readelf``."""
    symbols = _readelf("--dyn-syms", path)
    match = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+"
                      r"(icudt\d+_dat)\s*$", symbols, re.MULTILINE)  # fmt: skip
    if match is None:
        raise ValueError(f"{path.name} has no icudt*_dat symbol")
    address, size, symbol = int(match[1], 16), int(match[2], 0), match[3]
    for section in re.finditer(r"\]\s+\S+\s+\S+\s+([0-9a-f]{8,})\s+([0-9a-f]+)\s+([0-9a-f]+)",
                               _readelf("--section-headers", path)):  # fmt: skip
        start, offset, length = (int(section[i], 16) for i in (1, 2, 3))
        if start <= address < start + length:
            at = address - start + offset
            return symbol, path.read_bytes()[at : at + size]
    raise ValueError(f"{path.name}: no section holds {symbol}")


def write_library(symbol: str, blob: bytes, soname: str, out: Path) -> Path:
    """A shared library ``soname`` whose only export is ``symbol``: the bytes of ``blob``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    data = out.parent / f"{symbol}.dat"
    data.write_bytes(blob)
    source = out.parent / f"{symbol}.s"
    source.write_text(
        f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, %object\n\t.balign {_ALIGN}\n"
        f'{symbol}:\n\t.incbin "{data}"\n\t.size {symbol}, . - {symbol}\n'
        '\t.section .note.GNU-stack,"",%progbits\n',
        encoding="ascii",
    )
    obj = out.parent / f"{symbol}.o"
    subprocess.run(["as", "-o", str(obj), str(source)], check=True)
    subprocess.run(["ld", "-shared", "-soname", soname, "-z", "noexecstack",
                    "-o", str(out), str(obj)], check=True)  # fmt: skip
    return out


def _readelf(option: str, path: Path) -> str:
    result = subprocess.run(["readelf", option, "--wide", str(path)],
                            capture_output=True, text=True, check=True)  # fmt: skip
    return result.stdout


def trim_toc(toc, workdir: Path):  # type: ignore[no-untyped-def]
    """``toc`` (PyInstaller's (dest, src, typecode) entries) with Qt's ICU data library
    replaced by a trimmed one built in ``workdir``; unchanged where that cannot be done."""
    if not tools_available():
        return toc
    result = []
    for dest, src, typecode in toc:
        name = PurePosixPath(dest.replace("\\", "/")).name
        if typecode == "BINARY" and LIBRARY_NAME.match(name):
            symbol, blob = read_library(Path(src))
            package = trimmed(Package.parse(blob))
            src = str(write_library(symbol, package.to_bytes(), name, workdir / "icu" / name))
        result.append((dest, src, typecode))
    return result
