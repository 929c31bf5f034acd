"""Connections: each extension file's signature is checked by DuckDB at install or once per process,
and again whenever the file changes; a read-only connection can load nothing."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import duckdb
import pytest

from warehouse import connection
from tests.conftest import in_process
from warehouse.connection import connect, extension_file, load_extension


@pytest.fixture
def package(tmp_path, monkeypatch) -> tuple[str, Path]:
    """A package shaped like duckdb-extension-ducklake, holding a copy of the real ducklake file."""
    real = Path(extension_file("duckdb_extension_ducklake", "ducklake"))
    folder = tmp_path / "copied_ducklake" / "extensions" / real.parent.name
    folder.mkdir(parents=True)
    (tmp_path / "copied_ducklake" / "__init__.py").write_text("")
    shutil.copy(real, folder / real.name)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "copied_ducklake", raising=False)
    return "copied_ducklake", folder / real.name


def flip_a_byte(path: Path) -> None:
    """Replace the file by a copy with one byte changed, as a reinstall replaces it (never in place:
    a loaded extension is mapped into the process)."""
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.with_suffix(".new").write_bytes(bytes(data))
    path.with_suffix(".new").replace(path)


def unchecked() -> duckdb.DuckDBPyConnection:
    return duckdb.connect(config={"allow_unsigned_extensions": True, "autoload_known_extensions": False})


def test_a_file_changed_after_its_check_is_checked_again_and_refused(package):
    name, path = package
    con = unchecked()
    try:
        load_extension(con, name, "ducklake")  # checked, then loaded
        assert str(path) in connection._VERIFIED
        flip_a_byte(path)
        with pytest.raises(duckdb.Error, match="(?i)signature"):
            load_extension(unchecked(), name, "ducklake")
    finally:
        con.close()


def test_a_tampered_file_is_refused_on_its_first_load(package):
    name, path = package
    flip_a_byte(path)
    with pytest.raises(duckdb.Error, match="(?i)signature"):
        load_extension(unchecked(), name, "ducklake")
    assert str(path) not in connection._VERIFIED


def test_a_file_checked_at_install_loads_unchecked_until_it_changes(package, monkeypatch):
    """The install records each file's check beside it (connection.record_checked_extensions): a new
    process loads that file without hashing it again, and a file changed since is checked again and
    refused."""
    name, path = package
    connection.record_check(str(path))
    assert Path(str(path) + connection.RECORD_SUFFIX).exists() and str(path) not in connection._VERIFIED
    checks = []
    real_check = connection._check_signature
    monkeypatch.setattr(connection, "_check_signature", lambda p: (checks.append(p), real_check(p)))
    con = unchecked()
    try:
        load_extension(con, name, "ducklake")
        assert checks == [] and con.execute("SELECT count(*) FROM duckdb_extensions() "
                                            "WHERE extension_name = 'ducklake' AND loaded").fetchone()[0] == 1
        flip_a_byte(path)
        with pytest.raises(duckdb.Error, match="(?i)signature"):
            load_extension(unchecked(), name, "ducklake")
        assert checks == [str(path)]
    finally:
        con.close()


def test_a_tampered_file_with_a_record_of_its_own_is_still_checked(package):
    """A record names the file's identity when it was checked: a file whose record was written for
    another file (here, copied from the real one) is checked, and refused when tampered."""
    name, path = package
    real = extension_file("duckdb_extension_ducklake", "ducklake")
    flip_a_byte(path)
    Path(str(path) + connection.RECORD_SUFFIX).write_text(
        json.dumps(list(connection._file_identity(real))))
    with pytest.raises(duckdb.Error, match="(?i)signature"):
        load_extension(unchecked(), name, "ducklake")


def test_a_read_only_connection_loads_no_extension(known):
    con = connect(known, read_only=True)
    try:
        with pytest.raises(duckdb.Error, match="(?i)disabled|external|permission"):
            con.execute(f"LOAD '{extension_file('duckdb_extension_postgres_scanner', 'postgres_scanner')}'")
    finally:
        con.close()


@pytest.mark.parametrize("value", ["1", "3"])
def test_benchhouse_threads_sets_each_connections_threads(known, monkeypatch, value):
    monkeypatch.setenv("BENCHHOUSE_THREADS", value)
    con = connect(known, read_only=True)
    try:
        assert con.execute("SELECT current_setting('threads')").fetchone()[0] == int(value)
    finally:
        con.close()


def test_without_benchhouse_threads_a_connection_has_duckdbs_default(known, monkeypatch):
    monkeypatch.delenv("BENCHHOUSE_THREADS", raising=False)
    con, plain = connect(known, read_only=True), duckdb.connect()
    try:
        assert (con.execute("SELECT current_setting('threads')").fetchone()[0]
                == plain.execute("SELECT current_setting('threads')").fetchone()[0])
    finally:
        con.close()
        plain.close()


@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5"])
def test_a_benchhouse_threads_that_is_not_a_count_is_refused_in_one_line(known, monkeypatch, value):
    monkeypatch.setenv("BENCHHOUSE_THREADS", value)
    done = in_process(known, "sql", "SELECT 1", check=False)
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0
    assert f"BENCHHOUSE_THREADS={value!r}" in done.stderr and "whole number" in done.stderr
