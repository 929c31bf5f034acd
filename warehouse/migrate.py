"""Applying warehouse/schema/NNN_*.sql in order, each file once, all pending ones in one snapshot;
then (re)creating the views of warehouse/views/NNN_<view>.sql whenever one of those files changed.
Only writers migrate; a reader asks `current_snapshot`, which writes nothing.

Asking DuckLake whether anything is pending costs a writer 27 ms of CPU (two small tables read
through a DuckLake transaction), and a reader a connection of its own besides. A writer that finds
an embedded catalog current records, in the catalog's SQLite database, this code's stamp and the
catalog's state (catalog/checked_state.sql); while both are unchanged, the answer is read from
SQLite in 3 ms, most of it hashing this code's schema and view files. Any change of schema, views or their records changes the state, and then DuckLake is
asked again: a record that cannot decide is never trusted."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from pathlib import Path
from typing import Any

import duckdb

from warehouse import sql
from warehouse.connection import (LAKE, Location, connect, latest_snapshot, metadata_connection, transaction,
                                  writer_lock)
from warehouse.files import catalog_file
from warehouse.errors import SchemaDrift, WarehouseOutdated

SCHEMA_DIR = sql.PACKAGE_DIR / "schema"
VIEWS_DIR = sql.PACKAGE_DIR / "views"


def run_script(con: duckdb.DuckDBPyConnection, text: str, params: Mapping[str, Any] = {}) -> None:
    """Run every statement of a script, giving each the named parameters it uses."""
    for statement in con.extract_statements(text):
        con.execute(statement, {name: params[name] for name in statement.named_parameters})


def schema_files(folder: Path = SCHEMA_DIR) -> list[tuple[str, str, str]]:
    """(file name, text, sha256) of every schema file, in order."""
    found = []
    for path in sorted(folder.glob("[0-9][0-9][0-9]_*.sql")):
        text = path.read_text()
        found.append((path.name, text, hashlib.sha256(text.encode()).hexdigest()))
    return found


def applied(con: duckdb.DuckDBPyConnection, lake: str = LAKE) -> dict[str, str]:
    """The schema files applied to the catalog `lake`, with their hashes; none for a new catalog. Asked
    of the table itself: listing the catalog's tables (duckdb_tables, information_schema) first
    reads every table of every attached catalog, a tenth of a second on each ingest."""
    try:
        return dict(con.execute(f"SELECT file_name, sha256 FROM {lake}.schema_migrations").fetchall())
    except duckdb.CatalogException:
        return {}


def init(location: Location) -> list[str]:
    """Create the warehouse if needed, apply the schema files it lacks and refresh changed views,
    under the writer lock; return what was applied (`benchhouse init`, and every writer first)."""
    with writer_lock(location):
        con = connect(location, create=True)
        try:
            done = bring_up_to_date(con, location)
            record_empty_tables(con)  # also for a warehouse whose tables were made by an older version
            return done
        finally:
            con.close()


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the schema files this warehouse lacks and refresh changed views; return what was
    applied. Call under the writer lock."""
    with transaction(con):  # both checks in one DuckLake transaction: a writer's usual answer is "none"
        left = pending(con)
    if not left:
        return []
    done = _apply_schema(con) + _apply_views(con)
    if done:
        record_empty_tables(con)
    return done


def bring_up_to_date(con: duckdb.DuckDBPyConnection, location: Location) -> list[str]:
    """`migrate` for a writer's connection to `location`, skipped while the catalog's record says
    it is this code's (checked_current); a catalog found current is recorded so. Under the writer lock."""
    if checked_current(location) is not None:
        return []
    done = migrate(con)
    record_checked(location)
    return done


def pending(con: duckdb.DuckDBPyConnection) -> list[str]:
    """What `migrate` would apply to this warehouse, without applying it: the schema files it lacks,
    and "views" when its views are not those of warehouse/views; empty when it is this code's."""
    schema = [name for name, _, _ in _pending_schema(con)]
    if schema:
        return schema + ["views"]
    return [] if _views_current(con) else ["views"]


def current_snapshot(location: Location) -> int:
    """The latest snapshot of a warehouse whose schema and views are this code's; a warehouse whose
    are not is refused. A read path never writes, not even the writer lock's file, so it works on a
    read-only copy; `benchhouse init`, a writer, brings the warehouse up to date."""
    latest = checked_current(location)
    if latest is not None:
        return latest
    con = connect(location, read_only=True)
    try:
        with transaction(con):
            left = pending(con)
            latest = latest_snapshot(con)
    finally:
        con.close()
    if left:
        raise WarehouseOutdated(
            f"the warehouse's schema and views are older than this code ({', '.join(left)} not applied): run "
            "`benchhouse init` first (it writes to the warehouse), or pass --snapshot to read an earlier snapshot "
            "as it was")
    return latest


def code_stamp() -> str:
    """What names this code's schema and views: every schema and view file, by name and hash."""
    files = [[name, digest] for name, _, digest in schema_files()] + \
        [[name, digest] for name, _, _, digest in view_files()]
    return hashlib.sha256(json.dumps(files).encode()).hexdigest()


def _catalog_state(location: Location) -> tuple[int, str, list[tuple[str, str]]] | None:
    """(latest snapshot, state, the record of the last check: [(code, state)] or []) of an embedded
    catalog, read in one SQLite read transaction; None when it cannot be read so (a PostgreSQL
    catalog, no catalog, a damaged one, rows inlined: the caller asks DuckLake)."""
    if not location.is_embedded:
        return None
    path = catalog_file(location)
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)) as db:
            db.execute("BEGIN")
            latest, version, tables, files, inlined = db.execute(sql.load("catalog/checked_state.sql")).fetchone()
            try:
                recorded = db.execute("SELECT code, state FROM benchhouse_checked_code").fetchall()
            except sqlite3.OperationalError:  # no writer has recorded a check yet
                recorded = []
    except sqlite3.Error:
        return None
    if latest is None or tables != 2 or inlined:
        return None
    return latest, json.dumps([version, files]), recorded


def checked_current(location: Location) -> int | None:
    """The latest snapshot of an embedded catalog whose record says a writer found its schema and
    views to be this code's, at the state they are in now; None when the record does not say so."""
    found = _catalog_state(location)
    if found is None:
        return None
    latest, state, recorded = found
    return latest if recorded == [(code_stamp(), state)] else None


def record_checked(location: Location) -> None:
    """Record, in an embedded catalog's own database, that its schema and views are this code's at
    its present state: call under the writer lock, once migrate has found or made them so. Only an
    optimisation: when it cannot be written, the next reader asks DuckLake."""
    found = _catalog_state(location)
    if found is None:
        return
    _, state, recorded = found
    code = code_stamp()
    if recorded == [(code, state)]:
        return
    try:
        with closing(sqlite3.connect(catalog_file(location), timeout=60, isolation_level=None)) as db:
            db.execute("BEGIN IMMEDIATE")
            for statement in sql.load("catalog/checked_record.sql").split(";\n"):
                if statement.strip():
                    db.execute(statement, {"code": code, "state": state})
            db.execute("COMMIT")
    except sqlite3.Error:
        pass  # nothing recorded: DuckLake is asked again, as without a record


def migrate_tables(con: duckdb.DuckDBPyConnection, folder: Path, lake: str) -> list[str]:
    """Apply the schema files of `folder` (NNN_*.sql, each once) to the catalog `lake`, which holds
    tables only: a tenant's catalog (warehouse/tenants.py)."""
    done = _apply_schema(con, folder, lake)
    if done:
        record_empty_tables(con, lake)
    return done


def record_empty_tables(con: duckdb.DuckDBPyConnection, lake: str = LAKE) -> None:
    """Record in the catalog `lake` the statistics of each table that has never held a row: 0 rows
    (catalog/empty_table_stats.sql). DuckLake keeps a catalog's table statistics in one cache and,
    asked for a table that has none, reads them all from the catalog again: planning the report
    view model_standing on a new warehouse read them 991 times (1.9 s of CPU); with a row for each
    empty table, 19 times (0.8 s). Written beside DuckLake, in the catalog's own database, after
    its commit (call under the writer lock); DuckLake's first insert into a table updates the row."""
    statement = sql.load("catalog/empty_table_stats.sql")
    path = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = ?", [lake]).fetchone()[0]
    kind, _, target = path.partition(":")
    if kind == "sqlite":
        # Python's own SQLite: DuckDB's would read and write the file on two handles in one statement
        with closing(sqlite3.connect(target, timeout=60)) as db, db:
            db.execute(statement)
    else:
        with closing(metadata_connection(path)) as meta:
            meta.execute(f"CALL postgres_execute('meta', {sql.quote_literal(statement)})")


def view_files() -> list[tuple[str, str, str, str]]:
    """(file name, view name, text, sha256) of every view file, in order."""
    found = []
    for path in sorted(VIEWS_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        text = path.read_text()
        found.append((path.name, path.stem[4:], text, hashlib.sha256(text.encode()).hexdigest()))
    return found


def _views_current(con: duckdb.DuckDBPyConnection) -> bool:
    recorded = set(con.execute("SELECT file_name, sha256 FROM view_definitions").fetchall())
    return recorded == {(name, digest) for name, _, _, digest in view_files()}


def _apply_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    files = view_files()
    if _views_current(con):
        return []
    stale = [r[0] for r in con.execute(
        f"SELECT view_name FROM duckdb_views() WHERE database_name = '{LAKE}' AND NOT internal").fetchall()]
    with transaction(con):
        for view in stale:  # dropped first: a view may depend on one that changed shape
            con.execute(f'DROP VIEW IF EXISTS "{view}"')
        for name, view, text, digest in files:
            try:
                run_script(con, text)
            except duckdb.Error as exc:
                raise SchemaDrift(f"warehouse/views/{name} does not create its view: {str(exc).strip()}") from None
        con.execute("DELETE FROM view_definitions")
        sql.insert_rows(con, "INSERT INTO view_definitions", [(name, view, digest) for name, view, _, digest in files],
                        row="(?, ?, ?, CAST(now() AT TIME ZONE 'UTC' AS TIMESTAMP))")
        con.execute(f"CALL {LAKE}.set_commit_message('benchhouse', ?, extra_info => ?)",
                    ["views: " + ", ".join(view for _, view, _, _ in files), '{"kind": "views"}'])
    return [f"views ({len(files)})"]


def no_inlining(con: duckdb.DuckDBPyConnection, lake: str) -> None:
    """A new catalog keeps every row in its Parquet files, none inlined in the catalog database.
    DuckLake inlines a small insert's rows into a table of the catalog's own, one per table; each
    transaction then looks up every such table (three queries of the catalog each), which made every
    statement on a warehouse cost 20 to 30 ms of CPU, 8 without them. Set before the first table is
    made: an older warehouse keeps what it has inlined, and reads it as before."""
    con.execute(f"CALL {lake}.set_option('data_inlining_row_limit', 0)")


def _pending_schema(con: duckdb.DuckDBPyConnection, folder: Path = SCHEMA_DIR,
                    lake: str = LAKE) -> list[tuple[str, str, str]]:
    """The schema files of `folder` the catalog lacks; an applied file that changed is refused."""
    done = applied(con, lake)
    pending = []
    where = folder.relative_to(sql.PACKAGE_DIR.parent)
    for name, text, digest in schema_files(folder):
        if name not in done:
            pending.append((name, text, digest))
        elif done[name] != digest:
            raise SchemaDrift(
                f"{where}/{name} changed after it was applied to this warehouse; an applied "
                "schema file must never change: restore it and put the change in a new NNN_*.sql file"
            )
    return pending


def _apply_schema(con: duckdb.DuckDBPyConnection, folder: Path = SCHEMA_DIR, lake: str = LAKE) -> list[str]:
    pending = _pending_schema(con, folder, lake)
    if not pending:
        return []
    new = len(pending) == len(schema_files(folder))
    with transaction(con):
        if new:
            no_inlining(con, lake)
        for name, text, digest in pending:
            run_script(con, text)
        sql.insert_rows(con, "INSERT INTO schema_migrations", [(name, digest) for name, _, digest in pending],
                        row="(?, ?, CAST(now() AT TIME ZONE 'UTC' AS TIMESTAMP))")
        names = [name for name, _, _ in pending]
        con.execute(f"CALL {lake}.set_commit_message('benchhouse', ?, extra_info => ?)",
                    ["schema: " + ", ".join(names), '{"kind": "schema"}'])
    return names
