"""Loading one file in a native format: validate everything first, then one transaction.

source file ──read──▶ src ──cast──▶ typed ──checks──▶ rejects
                                      └─ accepted rows ──one transaction──▶ warehouse (one snapshot)

A file loads wholly or not at all unless allow_rejects is given; the same file (by SHA-256) is
never loaded twice; a process killed at any point leaves the warehouse at its previous snapshot,
because nothing is visible before COMMIT.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from warehouse import formats, sql, validate
from warehouse.connection import LAKE, Location, connect, latest_snapshot, writer_lock
from warehouse.errors import BenchhouseError, Reject, ValidationFailed
from warehouse.migrate import migrate, run_script
from warehouse.reader import Source, open_source

REJECTS_SHOWN = 200  # rejects carried in the error; all of them can be written to a file


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


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def init(location: Location) -> list[str]:
    """Create the warehouse if needed and apply pending schema files; return the files applied."""
    with writer_lock(location):
        con = connect(location, create=True)
        try:
            return migrate(con)
        finally:
            con.close()


def ingest(location: Location, kind: str, path: Path, *, allow_rejects: bool = False,
           rejects_out: Path | None = None, source: str = "native",
           progress: Callable[[str], None] = lambda stage: None) -> IngestResult:
    """Validate and load one file of the given native format. Raises ValidationFailed, loading
    nothing, when a row breaks a rule and allow_rejects is False."""
    fmt = formats.get(kind)
    path = Path(path)
    if not path.is_file():
        raise BenchhouseError(f"{path}: no such file")
    progress("hashing the file")
    digest = file_sha256(path)
    progress("waiting for other writers")
    with writer_lock(location):
        con = connect(location, create=True)
        try:
            migrate(con)
            earlier = con.execute(
                "SELECT batch_id, snapshot_id, rows_accepted, rows_rejected FROM ingest_batches "
                "WHERE kind = ? AND file_sha256 = ?", [kind, digest]).fetchone()
            if earlier:
                return IngestResult(kind, path, *earlier, already_loaded=True)
            progress("reading")
            src = open_source(con, path, fmt)
            con.execute(validate.typed_view_sql(fmt, src.columns))
            # Checks that point at another row name it the way this file's messages do.
            con.execute(f"CREATE OR REPLACE TEMP MACRO row_ref(r) AS "
                        f"'{src.row_label} ' || (r + {src.line_offset})")
            macros = sql.PACKAGE_DIR / "load" / f"{kind}_macros.sql"
            if macros.exists():
                run_script(con, macros.read_text())
            bad_rows = _validate(con, fmt, progress)
            if bad_rows:
                if rejects_out is not None:
                    _write_rejects(con, src, rejects_out)
                if not allow_rejects:
                    problems = con.execute("SELECT count(*) FROM rejects").fetchone()[0]
                    raise ValidationFailed(path.name, src.row_label, _first_rejects(con, src),
                                           src.rows, bad_rows, src.line_offset, problems)
            progress("loading")
            return _load(con, fmt, src, digest, source, bad_rows)
        finally:
            con.close()


def _validate(con: duckdb.DuckDBPyConnection, fmt: formats.Format,
              progress: Callable[[str], None]) -> int:
    con.execute("CREATE OR REPLACE TEMP TABLE rejects "
                "(_row BIGINT, column_name VARCHAR, value VARCHAR, reason VARCHAR)")
    for name, check in validate.checks(fmt):
        progress(f"checking {name}")
        con.execute(f"INSERT INTO rejects {check}")
    return con.execute("SELECT count(DISTINCT _row) FROM rejects").fetchone()[0]


def _first_rejects(con: duckdb.DuckDBPyConnection, src: Source) -> list[Reject]:
    rows = con.execute("SELECT _row, column_name, value, reason FROM rejects "
                       "ORDER BY _row, column_name LIMIT ?", [REJECTS_SHOWN]).fetchall()
    return [Reject(*row) for row in rows]


def _write_rejects(con: duckdb.DuckDBPyConnection, src: Source, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    con.execute(
        f"COPY (SELECT _row AS row_number, _row + {src.line_offset} AS {src.row_label}, column_name, "
        f"value, reason FROM rejects ORDER BY _row, column_name) TO {sql.quote_literal(str(out))} "
        "(HEADER, DELIMITER ',')"
    )


def _load(con: duckdb.DuckDBPyConnection, fmt: formats.Format, src: Source, digest: str,
          source: str, bad_rows: int) -> IngestResult:
    where = " WHERE _row NOT IN (SELECT _row FROM rejects)" if bad_rows else ""
    con.execute(f"CREATE OR REPLACE TEMP VIEW accepted AS SELECT * FROM typed{where}")
    batch_id = con.execute("SELECT coalesce(max(batch_id), 0) + 1 FROM ingest_batches").fetchone()[0]
    params = {
        "batch_id": batch_id,
        "first_run_id": con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM eval_runs").fetchone()[0],
        "kind": fmt.kind,
        "source": source,
        "file_name": src.path.name,
        "file_sha256": digest,
        "rows_accepted": src.rows - bad_rows,
        "rows_rejected": bad_rows,
        "ingested_by": getpass.getuser(),
        "keep_rejects": bad_rows > 0,
    }
    con.execute("BEGIN")
    try:
        # Writers are serialised by the lock, so this commit makes the next snapshot.
        params["snapshot_id"] = latest_snapshot(con) + 1
        run_script(con, sql.load(f"load/{fmt.kind}.sql"), params)
        run_script(con, sql.load("load/batch.sql"), params)
        con.execute(f"CALL {LAKE}.set_commit_message(?, ?, extra_info => ?)", [
            params["ingested_by"], f"ingest {fmt.kind} {src.path.name}",
            json.dumps({"batch_id": batch_id, "kind": fmt.kind}),
        ])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    made = latest_snapshot(con)
    if made != params["snapshot_id"]:
        raise BenchhouseError(
            f"batch {batch_id} committed as snapshot {made}, not {params['snapshot_id']}: another "
            "process wrote to the warehouse without the writer lock; its ingest_batches row is wrong"
        )
    return IngestResult(fmt.kind, src.path, batch_id, made, src.rows - bad_rows, bad_rows,
                        rejects=_first_rejects(con, src) if bad_rows else [],
                        row_label=src.row_label, line_offset=src.line_offset)
