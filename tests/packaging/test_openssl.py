"""psycopg's private OpenSSL becomes a link to the bundle's own, only when that one will do."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

VENDORED_SSL = "psycopg_binary.libs/libssl-6a9b88ec.so.3"
VENDORED_CRYPTO = "psycopg_binary.libs/libcrypto-3a0647ea.so.3"
LIBPQ = "psycopg_binary.libs/libpq-e9b5c9ac.so.5.18"
TOC = [
    ("libssl.so.3", "/build/libssl.so.3", "BINARY"),
    ("libcrypto.so.3", "/build/libcrypto.so.3", "BINARY"),
    (VENDORED_SSL, "/wheel/libssl", "BINARY"),
    (VENDORED_CRYPTO, "/wheel/libcrypto", "BINARY"),
    (LIBPQ, "/wheel/libpq", "BINARY"),
    ("psycopg_binary/pq.so", "/wheel/pq.so", "EXTENSION"),
]
OWN_VERSIONS = {"OPENSSL_3.0.0", "OPENSSL_3.0.3"}


@pytest.fixture
def versions(scripts, monkeypatch):
    """Fake ``readelf --version-info``: what each file defines and needs."""
    table: dict[str, tuple[set[str], dict[str, set[str]]]] = {
        "/build/libssl.so.3": (OWN_VERSIONS, {}),
        "/build/libcrypto.so.3": (OWN_VERSIONS, {}),
        "/wheel/libssl": ({"OPENSSL_3.5.0"}, {"libcrypto-3a0647ea.so.3": {"OPENSSL_3.5.0"}}),
        "/wheel/libcrypto": ({"OPENSSL_3.5.0"}, {}),
        "/wheel/libpq": (set(), {"libssl-6a9b88ec.so.3": {"OPENSSL_3.0.0"},
                                 "libcrypto-3a0647ea.so.3": {"OPENSSL_3.0.0"}}),
        "/wheel/pq.so": (set(), {}),
    }  # fmt: skip
    monkeypatch.setattr(scripts.openssl, "_readelf_versions", lambda path: table[path])
    monkeypatch.setattr(scripts.openssl.shutil, "which", lambda tool: f"/usr/bin/{tool}")
    monkeypatch.setattr(scripts.openssl.sys, "platform", "linux")
    return table


def test_the_pair_becomes_links_when_the_bundles_openssl_has_every_version_asked(scripts, versions):
    result = {dest: (src, kind) for dest, src, kind in scripts.openssl.share_openssl(TOC)}
    assert result[VENDORED_SSL] == ("../libssl.so.3", "SYMLINK")
    assert result[VENDORED_CRYPTO] == ("../libcrypto.so.3", "SYMLINK")
    assert result[LIBPQ] == ("/wheel/libpq", "BINARY")
    assert result["libssl.so.3"] == ("/build/libssl.so.3", "BINARY")


def test_a_newer_version_asked_for_keeps_both_private_copies(scripts, versions):
    versions["/wheel/libpq"][1]["libcrypto-3a0647ea.so.3"].add("OPENSSL_3.2.0")
    assert scripts.openssl.share_openssl(TOC) == TOC


def test_without_the_bundles_own_openssl_nothing_changes(scripts, versions):
    toc = [entry for entry in TOC if entry[0] != "libssl.so.3"]
    assert scripts.openssl.share_openssl(toc) == toc


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("readelf"),
                    reason="reads ELF version sections with binutils' readelf")  # fmt: skip
def test_readelf_versions_of_real_libraries(scripts):
    spec = importlib.util.find_spec("psycopg_binary")  # imported only through psycopg
    if spec is None or spec.origin is None:
        pytest.skip("needs psycopg-binary (the postgres extra)")
    libs = Path(spec.origin).parent.parent / "psycopg_binary.libs"
    libpq = next(libs.glob("libpq-*.so*"), None)
    crypto = next(libs.glob("libcrypto-*.so*"), None)
    if libpq is None or crypto is None:
        pytest.skip("this psycopg-binary wheel has no vendored libpq and OpenSSL")
    _, needed = scripts.openssl._readelf_versions(str(libpq))
    assert "OPENSSL_3.0.0" in needed[crypto.name]
    defined, _ = scripts.openssl._readelf_versions(str(crypto))
    assert {"OPENSSL_3.0.0", "OPENSSL_3.0.3"} <= defined
