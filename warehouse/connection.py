"""Where the warehouse lives and how to open it.

The warehouse is a DuckLake catalog: by default a SQLite catalog file and a folder of Parquet
files in one directory; with a PostgreSQL DSN, the catalog lives in PostgreSQL and the data in
BENCHHOUSE_DATA_PATH. Extensions are loaded from the files of their PyPI packages, never
downloaded.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import importlib
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.sql import quote_literal
from warehouse.errors import BenchhouseError, LocationError, SnapshotNotFound, WarehouseBusy, no_warehouse
from warehouse.files import cannot_write, catalog_damage, check_writable, damaged_catalog

LAKE = "bh"
ENV_WAREHOUSE = "BENCHHOUSE_WAREHOUSE"
ENV_DATA_PATH = "BENCHHOUSE_DATA_PATH"
ENV_THREADS = "BENCHHOUSE_THREADS"
DEFAULT_DIR = Path(__file__).resolve().parents[1] / "var" / "warehouse"
MACROS = Path(__file__).resolve().parent / "macros"
POSTGRES_PREFIXES = ("postgres:", "postgresql://", "postgres://")


def extension_file(package: str, name: str) -> str:
    """Path of an extension shipped inside a duckdb-extension-* package."""
    module = importlib.import_module(package)
    found = sorted(Path(module.__file__).parent.glob(f"extensions/*/{name}.duckdb_extension"))
    if not found:
        raise BenchhouseError(
            f"the {package} package holds no {name} extension; reinstall it with "
            f"`pip install {package.replace('_', '-')}=={duckdb.__version__}`"
        )
    return str(found[-1])


@dataclass(frozen=True)
class Location:
    """A warehouse's catalog and data folder, from --warehouse, the environment, or the default."""

    catalog: str  # the part after 'ducklake:', e.g. 'sqlite:/path/catalog.sqlite'
    data_path: str
    local_dir: Path | None  # folder for the embedded warehouse; None with a PostgreSQL catalog

    @classmethod
    def resolve(cls, spec: str | None = None) -> "Location":
        spec = spec or os.environ.get(ENV_WAREHOUSE) or str(DEFAULT_DIR)
        if spec.startswith(POSTGRES_PREFIXES):
            data_path = os.environ.get(ENV_DATA_PATH)
            if not data_path:
                raise BenchhouseError(
                    f"a PostgreSQL catalog ({spec.split(' ')[0]} ...) needs a data folder: set "
                    f"{ENV_DATA_PATH} to a local folder or an object-store URL"
                )
            dsn = spec.removeprefix("postgres:") if spec.startswith("postgres:") else spec
            return cls(catalog=f"postgres:{dsn}", data_path=data_path, local_dir=None)
        folder = Path(spec).expanduser().resolve()
        return cls(catalog=f"sqlite:{folder / 'catalog.sqlite'}", data_path=f"{folder / 'data'}/",
                   local_dir=folder)

    @property
    def is_embedded(self) -> bool:
        return self.local_dir is not None

    def describe(self) -> str:
        return str(self.local_dir) if self.local_dir else self.catalog.split(" password=")[0]

    def exists(self) -> bool:
        if self.local_dir is None:
            return True  # a PostgreSQL catalog is created by the DBA; attaching tells
        return (self.local_dir / "catalog.sqlite").exists()


# The extensions a connection may load: (package, extension), each file shipped in its PyPI package.
EXTENSIONS = (("duckdb_extension_ducklake", "ducklake"), ("duckdb_extension_sqlite_scanner", "sqlite_scanner"),
              ("duckdb_extension_postgres_scanner", "postgres_scanner"))
RECORD_SUFFIX = ".signature-checked"

# Extension files whose signature DuckDB checked in this process, with the file's identity then.
_VERIFIED: dict[str, tuple[int, ...]] = {}


def _file_identity(path: str) -> tuple[int, ...]:
    """What changes whenever the file does: replaced, rewritten or touched, its inode, size,
    modification time or change time differ (the change time cannot be set back by its owner)."""
    status = os.stat(path)
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns


def _check_signature(path: str) -> None:
    """Have DuckDB check the file's signature, in a throwaway connection that refuses unsigned files."""
    checker = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        checker.execute(f"LOAD '{path}'")
    finally:
        checker.close()


def _checked_at_install(path: str, identity: tuple[int, ...]) -> bool:
    """Whether the install recorded a signature check of this very file (record_checked_extensions)."""
    try:
        return json.loads(Path(path + RECORD_SUFFIX).read_text()) == list(identity)
    except (OSError, ValueError):
        return False


def load_extension(con: duckdb.DuckDBPyConnection, package: str, name: str) -> None:
    """LOAD one extension of a duckdb-extension-* package, its signature checked by DuckDB. Checking
    hashes the whole file (about 35 MB: 0.16 s of CPU, twice a process for the two a connection
    loads); a connection is made with unsigned extensions allowed, and the file is loaded unchecked
    only while it is the very file checked (_file_identity): checked at install (`make` records it
    beside the file: record_checked_extensions), or else checked once by this process, in a
    throwaway connection. Nothing loads an extension but this code: the read-only connections forbid
    LOAD (enable_external_access is off, and `sql` takes one SELECT)."""
    path = extension_file(package, name)
    identity = _file_identity(path)
    if _VERIFIED.get(path) != identity and not _checked_at_install(path, identity):
        _check_signature(path)
        _VERIFIED[path] = identity
    con.execute(f"LOAD '{path}'")


def record_checked_extensions() -> list[str]:
    """Check each extension file's signature and record, beside it, the identity of the file checked,
    so that a process loads it without hashing it again while it is that file. Run by the install
    (`make`), which writes the packages' folder anyway: a process that only reads never writes it.
    A record proves no more than the folder's permissions do: whoever may write it may as well change
    the packages' Python code."""
    paths = [extension_file(package, name) for package, name in EXTENSIONS]
    for path in paths:
        record_check(path)
    return paths


def record_check(path: str) -> None:
    """Check one extension file's signature (refused: duckdb.Error) and record the identity of the file
    checked beside it, replacing any record before. The file is first given an inode of its own: uv
    links a venv's files to its cache, and each other venv linked to or unlinked from that inode
    changes its change time, which would make the record stale (a check in every process again)."""
    own = f"{path}.own.tmp"
    shutil.copy2(path, own)
    os.replace(own, path)
    identity = _file_identity(path)
    _check_signature(path)
    record = Path(path + RECORD_SUFFIX)
    staged = record.with_name(record.name + ".tmp")
    staged.write_text(json.dumps(list(identity)))
    staged.replace(record)


def threads() -> dict[str, int]:
    """DuckDB's `threads` setting for a connection, from BENCHHOUSE_THREADS; none (DuckDB's
    default, one per core) when it is unset. Processes that run side by side on one machine (test
    workers, several analysts) do the same work with less CPU when each has cores / processes
    threads: the test suite on 2 cores, in two workers, spent 768 s of CPU with 2 threads a
    connection and 541 s with 1, most of the difference threads waiting for work in small queries."""
    value = os.environ.get(ENV_THREADS, "").strip()
    if not value:
        return {}
    if not value.isdigit() or int(value) < 1:
        raise BenchhouseError(f"{ENV_THREADS}={value!r}: give a whole number of threads, 1 or more, or unset it "
                              "for one per core")
    return {"threads": int(value)}


def _bare_connection() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config={
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "allow_unsigned_extensions": True,  # each file's signature checked once: load_extension
        **threads(),
    })
    con.execute("SET TimeZone = 'UTC'")
    load_extension(con, "duckdb_extension_ducklake", "ducklake")
    _make_macros(con)
    return con


def catalogless() -> duckdb.DuckDBPyConnection:
    """A connection with the extensions and macros every warehouse connection has, and no catalog:
    what a statement is checked against before a catalog is opened for it (warehouse/guard.py)."""
    con = _bare_connection()
    load_extension(con, "duckdb_extension_sqlite_scanner", "sqlite_scanner")
    return con


@functools.cache
def _macro_script() -> str:
    return "\n".join(path.read_text() for path in sorted(MACROS.glob("*.sql")))


def _make_macros(con: duckdb.DuckDBPyConnection) -> None:
    """The macros of warehouse/macros, made before any catalog is attached: each statement run with a
    DuckLake catalog attached is a DuckLake transaction of its own (4 ms each, 50 ms a connection);
    made first, the eleven take under a millisecond in all. They are scalar macros that read no table."""
    con.execute(_macro_script())


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run a run of statements in one transaction, rolled back if one fails. Each statement run
    outside one is a DuckLake transaction of its own, which reads the catalog's snapshot and file
    lists again (about 10 ms a statement on the demo warehouse). A temporary table filled inside a
    transaction numbers its rows (rowid) from 2**55 until it commits: stage what rowids number
    before one (warehouse/reader.py)."""
    con.execute("BEGIN")
    try:
        yield
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # the transaction has already ended (its connection lost): the cause is the error raised
        raise
    con.execute("COMMIT")  # a COMMIT that fails has ended the transaction itself


def connect(location: Location, *, read_only: bool = False, snapshot: int | None = None,
            create: bool = False, alias: str = LAKE, lock: bool = True,
            memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """A connection with the warehouse attached as `alias` (`bh`) and selected with USE.

    read_only attaches the catalog read-only and then (unless lock is False, for a caller that
    attaches more before locking) forbids every file outside the data folder, so an analyst's query
    can neither write nor read other files. snapshot pins every table to that DuckLake snapshot.
    create makes an empty catalog when there is none. Every connection gets the macros of
    warehouse/macros as temporary macros.
    """
    con = _bare_connection()
    attach(con, location, alias, read_only=read_only, snapshot=snapshot, create=create)
    con.execute(f"USE {alias}")
    if read_only and lock:
        lock_down(con, [location], memory_limit)
    return con


def attach(con: duckdb.DuckDBPyConnection, location: Location, alias: str, *, read_only: bool = False,
           snapshot: int | None = None, create: bool = False) -> None:
    """Attach one DuckLake catalog to a connection under `alias` (a name the code chooses, never
    input). A second catalog (a tenant's) is attached this way beside the warehouse."""
    if not (create or location.exists()):
        raise no_warehouse(location.describe())
    # A catalog is made only where there is none: a catalog file that is not one is damaged, and
    # is named as such rather than made into a new, empty warehouse.
    make = create and not (location.is_embedded and location.exists())
    if location.is_embedded:
        load_extension(con, "duckdb_extension_sqlite_scanner", "sqlite_scanner")
        if make:
            location.local_dir.mkdir(parents=True, exist_ok=True)
    else:
        load_extension(con, "duckdb_extension_postgres_scanner", "postgres_scanner")
    options = [f"DATA_PATH {quote_literal(location.data_path)}"]
    if not make:
        options.append("CREATE_IF_NOT_EXISTS false")
    if location.is_embedded:
        # An embedded warehouse is a folder that may be moved or copied: its data is always the
        # folder's data/, whatever path the catalog recorded when it was made.
        options.append("OVERRIDE_DATA_PATH true")
    if read_only:
        options.append("READ_ONLY")
    if snapshot is not None:
        if int(snapshot) < 0:
            raise _snapshot_not_found(location, snapshot)
        options.append(f"SNAPSHOT_VERSION {int(snapshot)}")
    try:
        con.execute(f"ATTACH {quote_literal('ducklake:' + location.catalog)} AS {alias} ({', '.join(options)})")
    except duckdb.Error as exc:
        if snapshot is not None and "No snapshot found at version" in str(exc):
            # Asked only when the catalog has no such snapshot: a second connection to name the
            # latest costs as much as the first (0.1 s), so a pinned read does not pay it up front.
            raise _snapshot_not_found(location, snapshot) from None
        if "does not match existing data path" not in str(exc):
            problem = catalog_damage(location) if location.is_embedded else None
            if problem:
                raise damaged_catalog(location, problem) from None
            raise
        recorded = re.search(r'data path in the catalog "([^"]*)"', str(exc))
        raise LocationError(
            f"{ENV_DATA_PATH} is {location.data_path}, but the catalog {location.describe()} keeps its data in "
            f"{recorded.group(1) if recorded else 'another place'}: set {ENV_DATA_PATH} to that (every machine "
            "must name the data by the same path or URL)"
        ) from None


def lock_down(con: duckdb.DuckDBPyConnection, locations: list[Location], memory_limit: str | None = None) -> None:
    """Forbid opening any file but the data files these catalogs hold now, for good: no folder is
    allowed, so no file can be created anywhere (a COPY, an export, a spill), and no other file can
    be read. With a memory limit, a query that needs more fails rather than spilling to disk. A
    file an ingest writes after this is not readable here: query.run starts again when that happens."""
    # Literals, not parameters: DuckDB's client imports pandas to bind any parameter (0.85 s of CPU).
    if memory_limit is not None:
        con.execute(f"SET memory_limit = {quote_literal(memory_limit)}")
    con.execute("SET temp_directory = ''")
    con.execute("SET allowed_directories = []")
    paths = [path for location in locations for path in data_files(con, location)]
    con.execute(f"SET allowed_paths = [{', '.join(map(quote_literal, paths))}]")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def data_files(con: duckdb.DuckDBPyConnection, location: Location) -> list[str]:
    """Every file under the catalog's data path, named as DuckLake names them (the data path
    followed by the file's place under it)."""
    root = location.data_path
    if "://" in root:  # an object store: listed through DuckDB, before the lock
        return [r[0] for r in con.execute("SELECT file FROM glob(?)", [root.rstrip("/") + "/**"]).fetchall()]
    found = []
    for folder, _, names in os.walk(root):
        found += [os.path.join(folder, name) for name in names]
    return found


def latest_snapshot(con: duckdb.DuckDBPyConnection, alias: str = LAKE) -> int:
    return con.execute(f"SELECT max(snapshot_id) FROM {alias}.snapshots()").fetchone()[0]


def _snapshot_not_found(location: Location, snapshot: int) -> SnapshotNotFound:
    con = connect(location, read_only=True)
    try:
        latest = latest_snapshot(con)
    finally:
        con.close()
    return SnapshotNotFound(
        f"snapshot {snapshot} does not exist in {location.describe()}: snapshots run from 0 to "
        f"{latest}; list them with `benchhouse snapshots`"
    )


@contextmanager
def writer_lock(location: Location, wait: bool = True) -> Iterator[None]:
    """Serialise the writers of one warehouse. Readers never take it.

    Batch ids, run ids and the snapshot a batch records are allocated under this lock. An embedded
    warehouse's lock is a file lock on its folder; a PostgreSQL catalog's is an advisory lock in
    that database, so writers on different machines wait for each other. Either is released when
    the process dies (the operating system closes the file, PostgreSQL ends the session), so a
    killed ingest never leaves it held.
    """
    if not location.is_embedded:
        with _advisory_lock(location, wait):
            yield
        return
    check_writable(location)
    try:
        location.local_dir.mkdir(parents=True, exist_ok=True)
        handle = open(location.local_dir / "writer.lock", "w")
    except OSError as exc:
        raise cannot_write(location, exc) or exc from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise _busy(location) from None
        try:
            yield
        except (OSError, duckdb.Error) as exc:
            refused = cannot_write(location, exc)
            if refused is None:
                raise
            raise refused from None
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# One key per catalog database: a DuckLake catalog owns its database, so every writer of the
# warehouse asks for the same key whatever its data path is called on its machine.
ADVISORY_KEY = int.from_bytes(hashlib.sha256(b"benchhouse writer").digest()[:8], "big", signed=True)
ADVISORY_POLL_SECONDS = 0.2


@contextmanager
def _advisory_lock(location: Location, wait: bool) -> Iterator[None]:
    """pg_try_advisory_xact_lock on a connection of its own, inside a transaction held open for the
    writer's duration: the lock lives exactly as long as that PostgreSQL transaction. It is polled
    rather than waited for in PostgreSQL, so that Ctrl-C still stops a waiting ingest."""
    try:
        con = metadata_connection(location.catalog, "writer_lock")
    except duckdb.Error as exc:
        raise BenchhouseError(f"cannot reach the catalog {location.describe()} to take the writer lock: "
                              f"{str(exc).splitlines()[0]}") from None
    try:
        con.execute("BEGIN")
        query = f"SELECT * FROM postgres_query('writer_lock', 'SELECT pg_try_advisory_xact_lock({ADVISORY_KEY}) AS held')"
        while not con.execute(query).fetchone()[0]:
            if not wait:
                raise _busy(location)
            time.sleep(ADVISORY_POLL_SECONDS)
        yield
    finally:
        con.close()  # ends the transaction and the session, and with them the lock


def metadata_connection(catalog: str, alias: str = "meta") -> duckdb.DuckDBPyConnection:
    """A connection to a PostgreSQL catalog's own database, as `alias`, beside DuckLake rather than
    through it (`catalog` as in Location.catalog: 'postgres:<dsn>')."""
    con = _bare_connection()
    try:
        load_extension(con, "duckdb_extension_postgres_scanner", "postgres_scanner")
        con.execute(f"ATTACH {quote_literal(catalog.removeprefix('postgres:'))} AS {alias} (TYPE postgres)")
    except BaseException:
        con.close()
        raise
    return con


def _busy(location: Location) -> WarehouseBusy:
    return WarehouseBusy(f"another ingest is writing to {location.describe()}; wait for it to finish")
