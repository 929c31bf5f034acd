"""What every load shares: the target catalog and its writer, the checks that fill `rejects`, the
rejects file, and the one transaction that commits a batch (warehouse/ingest/__init__.py)."""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
import hashlib

import duckdb

from warehouse import formats, sql, validate
from warehouse.connection import LAKE, Location, connect, latest_snapshot, transaction, writer_lock
from warehouse.errors import BenchhouseError, Reject, UnknownName, ValidationFailed, did_you_mean
from warehouse.migrate import bring_up_to_date, run_script
from warehouse.reader import Source

CREATOR_NAMES = sql.PACKAGE_DIR / "identity" / "creator_names.csv"  # the house's names of creators, by slug
PROVIDER_NAMES = sql.PACKAGE_DIR / "identity" / "provider_names.csv"  # and of providers


REJECTS_SHOWN = 200  # rejects carried in the error; all of them can be written to a file

HOUSE = "house"

Progress = Callable[[str], None]


@dataclass(frozen=True)
class IngestResult:
    kind: str
    file: Path
    batch_id: int
    snapshot_id: int
    rows_accepted: int
    rows_rejected: int
    already_loaded: bool = False
    rejects: list[Reject] = field(default_factory=list)
    row_label: str = "row"
    line_offset: int = 0
    unresolved_rows: int = 0


@dataclass(frozen=True)
class Target:
    """Where a batch is written: the public warehouse, or one tenant's own catalog
    (warehouse/tenants.py). Everything else about a load, from reading the file to the commit, is
    the same for both."""

    lock: Location
    """Whose writer lock serialises the writers of this catalog."""
    open: Callable[[], duckdb.DuckDBPyConnection]
    """A read-write connection to the catalog, its schema applied."""
    formats: Mapping[str, formats.Format]
    """The formats this catalog takes, by kind."""
    lake: str = LAKE
    """The alias of the catalog written, in that connection."""
    scripts: Path | None = None
    """A folder of this target's own load/<kind>.sql and checks/<kind>_*.sql, run after the shared ones."""
    replaces_generated: bool = True
    """Whether a new generated file replaces the generated batch of its kind before it."""


def public(location: Location) -> Target:
    """The public warehouse: the house's formats, written under its own writer lock."""
    def open_() -> duckdb.DuckDBPyConnection:
        con = connect(location, create=True)
        try:
            bring_up_to_date(con, location)
        except BaseException:
            con.close()
            raise
        return con
    return Target(lock=location, open=open_, formats=formats.FORMATS)


@dataclass
class Part:
    """One kind of rows in a batch, validated, waiting for the transaction."""

    fmt: formats.Format
    src: Source
    bad_rows: int
    problems: int
    rejects: list[Reject]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_rejects_out(out: Path, path: Path, lock: Location) -> None:
    """The rejects file never replaces the input or a file of the warehouse."""
    target = out.resolve()
    if target == path.resolve():
        raise BenchhouseError(f"--rejects {out}: refused, it would overwrite the input file; write elsewhere")
    if lock.local_dir is not None and (target == lock.local_dir.resolve() or lock.local_dir.resolve() in target.parents):
        raise BenchhouseError(f"--rejects {out}: refused, it would overwrite the warehouse; write elsewhere")


def format_of(target: Target, kind: str) -> formats.Format:
    if target.formats is formats.FORMATS:
        return formats.get(kind)
    if kind not in target.formats:
        raise UnknownName(f"'{kind}' is not a format this catalog takes; the formats are "
                          f"{', '.join(target.formats)}.{did_you_mean(kind, target.formats)}")
    return target.formats[kind]


@contextmanager
def shown_as(folder: Path, original: Path | None) -> Iterator[None]:
    """Messages of an adapter reading staged copies name the user's folder, not the copies'."""
    try:
        yield
    except BenchhouseError as exc:
        if original is not None:
            exc.args = tuple(a.replace(str(folder), str(original)) if isinstance(a, str) else a
                             for a in exc.args)
        raise


class writer:
    """The target's writer lock and a read-write connection with its schema applied, for one batch."""

    def __init__(self, target: Target, progress: Progress):
        self.target, self.progress = target, progress

    def __enter__(self) -> duckdb.DuckDBPyConnection:
        self.progress("waiting for other writers")
        self.lock = writer_lock(self.target.lock)
        self.lock.__enter__()
        try:
            self.con = self.target.open()
        except BaseException:
            self.lock.__exit__(None, None, None)
            raise
        # Listed once the catalog is open: what opening it wrote (a new catalog's schema) is committed.
        self.before = _data_files(self.target.lock)
        return self.con

    def __exit__(self, kind, value, traceback) -> None:
        try:
            self.con.close()
            if kind is not None and self.before is not None:
                # A batch that failed (a full disk, a kill of the commit) may have written data files
                # no snapshot names; writers are serialised, so every new file is this batch's.
                for path in _data_files(self.target.lock) - self.before:
                    path.unlink(missing_ok=True)
        finally:
            self.lock.__exit__(kind, value, traceback)


def _data_files(location: Location) -> set[Path] | None:
    """The data files of a catalog whose data is a local folder; None when it is object storage."""
    if "://" in location.data_path:
        return None
    return {p for p in Path(location.data_path).rglob("*") if p.is_file()}


def earlier_batch(con: duckdb.DuckDBPyConnection, kind: str, digest: str):
    return con.execute("SELECT batch_id, snapshot_id, rows_accepted, rows_rejected FROM ingest_batches "
                       "WHERE kind = ? AND file_sha256 = ?", [kind, digest]).fetchone()


def set_context(con: duckdb.DuckDBPyConnection, origin: str, replaced: list[int]) -> None:
    """Temp tables the checks and loads read: whose prices these are, which batches this one
    replaces, and which models and evaluations a row may name. One transaction: no row number of
    these tables is read."""
    with transaction(con):
        con.execute("CREATE OR REPLACE TEMP TABLE ingest_context AS SELECT CAST(? AS VARCHAR) AS origin", [origin])
        con.execute("CREATE OR REPLACE TEMP TABLE replaced_batches AS "
                    "SELECT CAST(unnest(?) AS BIGINT) AS batch_id", [replaced or [-1]])
        con.execute("CREATE OR REPLACE TEMP VIEW known_models AS SELECT model FROM models")
        con.execute("CREATE OR REPLACE TEMP VIEW known_evaluations AS SELECT evaluation FROM evaluations")


def marked_generated(con: duckdb.DuckDBPyConnection, src: Source) -> bool:
    """A Parquet file written by the demo generator says so in its metadata."""
    if src.file_type != "parquet":
        return False
    found = con.execute("SELECT value FROM parquet_kv_metadata(?) WHERE key = 'benchhouse.generated'",
                        [str(src.path)]).fetchall()
    return any(v[0] == b"true" for v in found)


def check(con: duckdb.DuckDBPyConnection, fmt: formats.Format, src: Source, progress: Progress,
          materialize: bool, scripts: Path | None = None) -> Part:
    """Check every row of a staged file against its format's rules, in one transaction (not the
    staging before it: a file's row numbers are its staged table's rowids)."""
    with transaction(con):
        return _check(con, fmt, src, progress, materialize, scripts)


def _check(con: duckdb.DuckDBPyConnection, fmt: formats.Format, src: Source, progress: Progress,
           materialize: bool, scripts: Path | None) -> Part:
    con.execute(validate.typed_view_sql(fmt, src.columns))
    # Checks that point at another row name it the way this file's messages do.
    con.execute(f"CREATE OR REPLACE TEMP MACRO row_ref(r) AS '{src.row_label} ' || "
                "(SELECT min(_line) FROM src WHERE _row = r)")
    macros = sql.PACKAGE_DIR / "load" / f"{fmt.kind}_macros.sql"
    if macros.exists():
        run_script(con, macros.read_text())
    con.execute("CREATE OR REPLACE TEMP TABLE rejects "
                "(_row BIGINT, column_name VARCHAR, value VARCHAR, reason VARCHAR)")
    for name, check in validate.checks(fmt, scripts):
        progress(f"{src.name}: checking {name}")
        con.execute(f"INSERT INTO rejects {check}")
    bad_rows, problems = con.execute("SELECT count(DISTINCT _row), count(*) FROM rejects").fetchone()
    rejects = _first_rejects(con) if bad_rows else []
    if materialize:
        con.execute(f'CREATE OR REPLACE TEMP TABLE "accepted:{fmt.kind}" AS SELECT * FROM typed '
                    "WHERE _row NOT IN (SELECT _row FROM rejects)")
        con.execute(f'CREATE OR REPLACE TEMP TABLE "rejects:{fmt.kind}" AS SELECT * FROM rejects')
    return Part(fmt, src, bad_rows, problems, rejects)


def _first_rejects(con: duckdb.DuckDBPyConnection) -> list[Reject]:
    rows = con.execute("SELECT r._row, r.column_name, r.value, r.reason, t._ref, t._line FROM rejects r "
                       "LEFT JOIN typed t USING (_row) ORDER BY r._row, r.column_name LIMIT ?",
                       [REJECTS_SHOWN]).fetchall()
    return [Reject(*row) for row in rows]


def failure(part: Part) -> ValidationFailed:
    return ValidationFailed(part.src.name, part.src.row_label, part.rejects, part.src.rows,
                            part.bad_rows, part.src.line_offset, part.problems)


def write_rejects(con: duckdb.DuckDBPyConnection, src: Source, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    final, out = out, out.with_name(f".{out.name}.{os.getpid()}.tmp")
    con.execute(
        f"COPY (SELECT r._row AS row_number, t._line AS {src.row_label}, column_name, value, reason "
        f"FROM rejects r LEFT JOIN typed t USING (_row) ORDER BY r._row, column_name) TO {sql.quote_literal(str(out))} "
        "(HEADER, DELIMITER ',')"
    )
    os.replace(out, final)


def commit(con: duckdb.DuckDBPyConnection, parts: list[Part], batch: dict, files: list[tuple],
            replaced: list[int], materialized: bool,
            extra: Callable[[duckdb.DuckDBPyConnection, dict], None] | None = None,
            lake: str = LAKE, scripts: Path | None = None) -> tuple[int, int]:
    with transaction(con):  # the next ids read in it too: a DuckLake transaction each otherwise
        batch_id = con.execute("SELECT coalesce(max(batch_id), 0) + 1 FROM ingest_batches").fetchone()[0]
        params = {
            **batch,
            "batch_id": batch_id,
            "first_run_id": con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM eval_runs").fetchone()[0],
            "rows_accepted": sum(p.src.rows - p.bad_rows for p in parts),
            "rows_rejected": sum(p.bad_rows for p in parts),
            "ingested_by": getpass.getuser(),
        }
        # Writers are serialised by the lock, so this commit makes the next snapshot.
        params["snapshot_id"] = latest_snapshot(con, lake) + 1
        params["creator_names"], params["provider_names"] = str(CREATOR_NAMES), str(PROVIDER_NAMES)
        if replaced:
            run_script(con, sql.load("load/replace_source.sql"))
        for part in parts:
            kind = part.fmt.kind
            if materialized:
                con.execute(f'CREATE OR REPLACE TEMP VIEW accepted AS SELECT * FROM "accepted:{kind}"')
                con.execute(f'CREATE OR REPLACE TEMP VIEW rejects_now AS SELECT * FROM "rejects:{kind}"')
            else:
                where = " WHERE _row NOT IN (SELECT _row FROM rejects)" if part.bad_rows else ""
                con.execute(f"CREATE OR REPLACE TEMP VIEW accepted AS SELECT * FROM typed{where}")
                con.execute("CREATE OR REPLACE TEMP VIEW rejects_now AS SELECT * FROM rejects")
            own = sql.PACKAGE_DIR / "load" / f"{kind}_from_source.sql"
            script = own if batch["source"] != "native" and own.exists() else sql.PACKAGE_DIR / "load" / f"{kind}.sql"
            if "creator" in part.fmt.names:
                run_script(con, sql.load("load/creators.sql"), params)
            if "provider" in part.fmt.names:
                run_script(con, sql.load("load/endpoints.sql"), params)
            if script.exists():
                run_script(con, script.read_text(), params)
            if scripts is not None and (scripts / "load" / f"{kind}.sql").exists():
                run_script(con, (scripts / "load" / f"{kind}.sql").read_text(), params)
            run_script(con, sql.load("load/rejects.sql"), params)
        if extra is not None:
            extra(con, params)
        run_script(con, sql.load("load/batch.sql"), params)
        sql.insert_rows(con, "INSERT INTO batch_files", [(batch_id, *f) for f in files])
        if batch["source"] != "native":
            run_script(con, sql.load("load/resolutions.sql"), params)
        con.execute(f"CALL {lake}.set_commit_message(?, ?, extra_info => ?)", [
            params["ingested_by"], f"ingest {batch['kind']} {batch['file_name']}",
            json.dumps({"batch_id": batch_id, "kind": batch["kind"], "source": batch["source"]}),
        ])
    made = latest_snapshot(con, lake)
    if made != params["snapshot_id"]:
        raise BenchhouseError(
            f"batch {batch_id} committed as snapshot {made}, not {params['snapshot_id']}: another "
            "process wrote to the warehouse without the writer lock; its ingest_batches row is wrong"
        )
    return batch_id, made
