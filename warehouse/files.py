"""A warehouse's own files as a person sees them: named relative to the warehouse folder (never by
an absolute path), refused in one line when they cannot be written, named when they are damaged.

A writer checks, before it writes anything, that the folder, the catalog and the data folder may
be written (check_writable); a refusal that still comes later, from Python, DuckDB or SQLite, is
recognised as one (cannot_write). A catalog that is not a SQLite DuckLake catalog, or a data file
that is missing, truncated or not Parquet, is judged by a reader other than DuckDB (sqlite3,
pyarrow), only after DuckDB failed on it, so nothing is ever read around a damaged file; an error
these checks cannot explain stays a bug.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from pathlib import Path

from warehouse.errors import WarehouseDamaged, WarehouseReadOnly

# `Location` in the annotations is warehouse.connection.Location, not imported: connection imports this module.

TENANTS = "tenants"  # a tenant's catalog and data live in <warehouse>/tenants/<id> (warehouse/tenants.py)
CATALOG = "catalog.sqlite"  # an embedded warehouse's catalog, in its folder; a tenant's, in the tenant's
# SQLite keeps an unfinished write's journal beside the catalog, and reads it on the next open.
CATALOG_SUFFIXES = ("", "-journal", "-wal", "-shm")
RESTORE = "restore the warehouse folder from a copy"
SQLITE_HEADER = b"SQLite format 3\0"
PARQUET_PATH = re.compile(r"""["']([^"']+\.parquet)["']""")
CATALOG_FAILURES = ("database disk image is malformed", "file is not a database")


def root(location: Location) -> Path | None:
    """The warehouse folder a location belongs to: its own, or for a tenant's, the one two levels up."""
    folder = location.local_dir
    if folder is None:
        return None
    if folder.parent.name == TENANTS and (folder.parents[1] / CATALOG).exists():
        return folder.parents[1]
    return folder


def shown(location: Location, path: str | Path) -> str:
    """`path` as messages name it: relative to the warehouse folder (or the data path), never absolute."""
    base = root(location) or Path(location.data_path)
    relative = os.path.relpath(os.path.abspath(path), base)
    return Path(path).name if relative.startswith("..") else relative


def catalog_file(location: Location) -> Path:
    return Path(location.catalog.removeprefix("sqlite:"))


def catalog_files(location: Location) -> list[Path]:
    """The embedded catalog and the journals SQLite may keep beside it, whether they exist or not."""
    catalog = catalog_file(location)
    return [catalog.with_name(catalog.name + suffix) for suffix in CATALOG_SUFFIXES]


def catalog_damage(location: Location) -> str | None:
    """Why an embedded catalog file cannot be a DuckLake catalog; None when it looks like one, or
    when it cannot be read at all (a permission, not a damage)."""
    path = catalog_file(location)
    if not path.is_file():
        return "it is not a file"
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError:
        return None
    if not header:
        return "it is empty"
    if header != SQLITE_HEADER:
        return "it is not a SQLite database"
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return "database disk image is malformed"
            if not db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'ducklake_metadata'").fetchone()[0]:
                return "it holds no DuckLake catalog"
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None


def damaged_catalog(location: Location, problem: str) -> WarehouseDamaged:
    return WarehouseDamaged(f"the warehouse's catalog {shown(location, catalog_file(location))} is damaged or not a "
                            f"benchhouse catalog ({problem}): {RESTORE}")


def parquet_damage(path: Path) -> str | None:
    """'missing' or 'damaged (...)' when `path` is not a whole Parquet file; None when it is."""
    if not path.exists():
        return "missing"
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(4)
            handle.seek(max(size - 4, 0))
            tail = handle.read(4)
    except OSError:
        return None  # unreadable: a permission, which the error itself names
    if size < 12 or head != b"PAR1" or tail != b"PAR1":
        return "damaged (truncated, or not a Parquet file)"
    import pyarrow.parquet as pq  # only once DuckDB has failed on the file

    try:
        pq.read_table(path)
    except Exception as exc:  # pyarrow raises several kinds for a damaged file; any of them means damaged
        return f"damaged ({str(exc).splitlines()[0]})"
    return None


def explain(exc: BaseException, location: Location) -> WarehouseDamaged | None:
    """The damaged or missing file of this warehouse (or of a tenant in it) that DuckDB's error
    `exc` comes from, as an error that names it; None when no file of it is damaged."""
    text = str(exc)
    data = root(location) or Path(location.data_path)
    for found in PARQUET_PATH.findall(text):
        path = Path(os.path.abspath(found))
        if data in path.parents:
            problem = parquet_damage(path)
            if problem:
                return WarehouseDamaged(f"the warehouse's data file {shown(location, path)} is {problem}: {RESTORE}; "
                                        "nothing was read around it")
    if any(failure in text for failure in CATALOG_FAILURES):
        problem = catalog_damage(location) if location.is_embedded else None
        if problem:
            return damaged_catalog(location, problem)
        failure = next(f for f in CATALOG_FAILURES if f in text)
        return WarehouseDamaged(f"a catalog of the warehouse is damaged ({failure}): {RESTORE}")
    return None


REFUSED = {errno.EACCES, errno.EPERM, errno.EROFS}
# How DuckDB and SQLite say that a file of the warehouse could not be written.
DUCKDB_REFUSED = re.compile(r'"([^"]+)": (Read-only file system|Permission denied)')
SQLITE_REFUSED = "attempt to write a readonly database"


def check_writable(location: Location) -> None:
    """Refuse, before anything is written, an embedded warehouse whose folder (or, when it is to be
    made, the folder it goes in), catalog or data folder this process may not write."""
    folder = location.local_dir
    while not folder.exists():
        folder = folder.parent
    for path in (folder, catalog_file(location), Path(location.data_path)):
        if path.exists() and not os.access(path, os.W_OK):
            raise read_only(location, path, _refusal(path))


def cannot_write(location: Location, exc: BaseException) -> WarehouseReadOnly | None:
    """The refusal, when `exc` is the operating system (through Python, DuckDB or SQLite) refusing
    to write a file of this embedded warehouse; None when it is anything else."""
    if isinstance(exc, OSError):
        if exc.errno not in REFUSED or exc.filename is None:
            return None
        path, reason = exc.filename, os.strerror(exc.errno)
    elif SQLITE_REFUSED in str(exc):
        path = catalog_file(location)
        reason = _refusal(path)
    elif found := DUCKDB_REFUSED.search(str(exc)):
        path, reason = found.group(1), found.group(2)
    else:
        return None
    inside = Path(os.path.abspath(path))
    if inside != location.local_dir and location.local_dir not in inside.parents:
        return None
    return read_only(location, inside, reason)


def _refusal(path: Path) -> str:
    return os.strerror(errno.EROFS if os.statvfs(path).f_flag & os.ST_RDONLY else errno.EACCES)


def read_only(location: Location, path: Path, reason: str) -> WarehouseReadOnly:
    base = root(location)
    if path != base and base not in path.parents:  # the folder a new warehouse would be made in
        return WarehouseReadOnly(f"the warehouse folder cannot be made: the folder it goes in is read-only ({reason}); "
                                 "nothing was changed: choose a --warehouse folder you can write")
    where = "" if path == base else f"{shown(location, path)}: "
    return WarehouseReadOnly(f"the warehouse folder is read-only ({where}{reason}); nothing was changed: run the "
                             "command on a writable copy of the warehouse, or as a user allowed to write to it")
