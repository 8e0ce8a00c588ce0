"""The bundle's ICU data: Qt's library rebuilt with the items Qt uses, and Qt still works on it."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

PREFIX = "icudt73l/"


def package_bytes(items: list[tuple[str, bytes]]) -> bytes:
    """A small ICU common data package, written independently of icu_data.Package."""
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\1\0\0\0", b"\3\0\0\0")
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    header += b"\0" * (32 - len(header))
    names = b"".join((PREFIX + name).encode() + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items) + len(names)
    data_at = (toc_size + 15) // 16 * 16
    entries, data, name_at = b"", b"", 4 + 8 * len(items)
    for name, item in items:
        entries += struct.pack("<II", name_at, data_at + len(data))
        name_at += len(PREFIX + name) + 1
        data += item + b"\0" * (-len(item) % 16)
    toc = struct.pack("<I", len(items)) + entries + names
    return header + toc + b"\0" * (data_at - len(toc)) + data


def test_a_package_reads_back_as_written(scripts):
    items = [("coll/root.res", b"\xda\x27root" * 5), ("en.res", b"\xda\x27en"), ("zz.cnv", b"x")]
    package = scripts.icu_data.Package.parse(package_bytes(items))
    assert [name for name, _ in package.items] == [PREFIX + name for name, _ in items]
    assert package.items[1][1].startswith(b"\xda\x27en")
    again = scripts.icu_data.Package.parse(package.to_bytes())
    assert again.items == package.items and again.header == package.header
    assert package.names() == {"coll/root.res", "en.res", "zz.cnv"}


def test_items_stay_aligned_and_in_order_after_trimming(scripts):
    items = [(f"{name}.res", bytes([65 + i]) * (7 + i)) for i, name in
             enumerate(["af", "de_AT", "en", "en_GB", "root", "supplementalData"])]  # fmt: skip
    blob = scripts.icu_data.trimmed(scripts.icu_data.Package.parse(package_bytes(items))).to_bytes()
    header_size = struct.unpack_from("<H", blob)[0]
    count = struct.unpack_from("<I", blob, header_size)[0]
    offsets = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i)[1] for i in range(count)]
    assert count == 4 and all(offset % 16 == 0 for offset in offsets)
    names = [name for name, _ in scripts.icu_data.Package.parse(blob).items]
    assert (
        names
        == sorted(names)
        == [PREFIX + n for n in ("en.res", "en_GB.res", "root.res", "supplementalData.res")]
    )


def test_not_a_package_is_refused(scripts):
    with pytest.raises(ValueError, match="not an ICU common data package"):
        scripts.icu_data.Package.parse(b"\x20\x00\xda\x27" + b"\0" * 8 + b"ToCP" + b"\0" * 40)


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("coll/root.res", True), ("coll/ucadata.icu", True), ("coll/res_index.res", True),
        ("coll/en_GB.res", True), ("coll/de.res", False), ("coll/de_.res", False),
        ("coll/zh_Hant_TW.res", False), ("sr_Latn.res", False), ("en.res", True),
        ("root.res", True), ("pool.res", True), ("res_index.res", True),
        ("supplementalData.res", True), ("likelySubtags.res", True), ("zoneinfo64.res", True),
        ("curr/pool.res", True), ("curr/fr.res", False), ("unames.icu", True),
        ("cnvalias.icu", True), ("ibm-5348_P100-1997.cnv", False), ("gb18030.cnv", False),
        ("brkitr/word.brk", True), ("brkitr/cjdict.dict", False), ("brkitr/ja.res", False),
        ("translit/root.res", False), ("rfc3491.spp", True), ("nfkc.nrm", True),
    ],
)  # fmt: skip
def test_what_stays(scripts, name, kept):
    assert scripts.icu_data.kept(PREFIX + name) is kept


def _qt_icu_library() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


PROBE = """
from PySide6.QtCore import QCollator, QLocale
collator = QCollator(QLocale("de_DE"))
words = sorted(["b", "\\u00e4", "a", "Z", "\\u00e9"], key=collator.sortKey)
maps = [line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line]
print(words, QLocale("de_DE").toUpper("stra\\u00dfe"), QLocale("tr_TR").toUpper("i"), maps[0])
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux wheels ship ICU data")
def test_qt_sorts_and_maps_case_with_the_trimmed_library(scripts, tmp_path):
    icu = scripts.icu_data
    library = _qt_icu_library()
    if library is None or not icu.tools_available():
        pytest.skip("needs PySide6's ICU data library and binutils (readelf, as, ld)")
    symbol, blob = icu.read_library(library)
    package = icu.trimmed(icu.Package.parse(blob))
    built = icu.write_library(symbol, package.to_bytes(), library.name, tmp_path / library.name)
    assert built.stat().st_size < 8_000_000 < library.stat().st_size
    assert set(icu.REQUIRED_ITEMS) <= icu.Package.parse(icu.read_library(built)[1]).names()
    env = {**os.environ, "LD_LIBRARY_PATH": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                            text=True, timeout=60, check=True)  # fmt: skip
    words, upper_de, upper_tr, loaded = result.stdout.rsplit(" ", 3)
    assert words == "['a', 'ä', 'b', 'é', 'Z']"  # ICU's root collation, not code-point order
    assert (upper_de, upper_tr) == ("STRASSE", "İ")
    assert loaded.strip() == str(built)


def test_the_verifier_names_missing_icu_items(scripts, tmp_path):
    icu = scripts.icu_data
    if not icu.tools_available():
        pytest.skip("needs binutils (readelf, as, ld)")
    bundle = tmp_path / "bundle"
    lib = bundle / "_internal" / "PySide6" / "Qt" / "lib" / "libicudata.so.73"
    items = [("coll/root.res", b"\xda\x27r"), ("root.res", b"\xda\x27r")]
    icu.write_library("icudt73_dat", package_bytes(items), lib.name, lib)
    problems = scripts.verify.icu_data_problems(bundle)
    assert "ICU data item coll/ucadata.icu in PySide6/Qt/lib/libicudata.so.73" in problems
    assert not any("coll/root.res" in line for line in problems)
