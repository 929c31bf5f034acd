"""Read-only queries: an analyst's SQL, the schema listing, the snapshot list.

Every query runs on a connection that attached the catalog read-only and may touch no file
outside the warehouse's data folder, so it works while an ingest runs in another process and
cannot change or leak anything.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import duckdb
import pyarrow as pa

from warehouse import sql, tenants
from warehouse.connection import Location, connect
from warehouse.tenants import Tenant
from warehouse.errors import BenchhouseError, ReadOnlyViolation, UnknownName, did_you_mean

ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
# Table functions of the loaded extensions that open files or servers themselves, around DuckDB's
# file-access rules (allowed_directories does not bind them: sqlite_scan reads any SQLite file,
# a tenant's catalog included), and DuckLake's maintenance functions, which write. A call needs the
# function's name written out, so finding it in the text is enough; a string that merely mentions
# one is refused too, which costs an analyst nothing.
OUTSIDE_READERS = re.compile(
    r"\b((sqlite|postgres|mysql)_(scan\w*|query|attach|execute|clear_cache)"
    r"|ducklake_(add_data_files|cleanup_old_files|delete_orphaned_files|expire_snapshots|flush_inlined_data"
    r"|merge_adjacent_files|rewrite_data_files|set_option|set_commit_message|commit))\b", re.I)


def parse_param(text: str) -> object:
    """A -p value as SQL sees it: whole numbers and decimals as numbers, true/false as booleans,
    anything else as text (DuckDB casts text to a date or timestamp where one is compared)."""
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?", text):
        number = float(text)
        if not math.isfinite(number):
            raise BenchhouseError(f"-p value {text!r} is out of range: give a finite number")
        return number
    return text


def run(location: Location, text: str, params: Mapping[str, object] = {},
        snapshot: int | None = None, raw_params: bool = False, tenant: Tenant | None = None) -> pa.Table:
    """Run one read-only statement and return its rows. Parameters given as text (from the
    command line) are read as numbers or booleans where they look like them, unless raw_params.
    With a tenant, the statement sees the warehouse, that tenant's catalog as `tenant` and the
    private views (warehouse/tenants.py), and nothing else."""
    con = connect(location, read_only=True, snapshot=snapshot) if tenant is None else tenants.reader(tenant, snapshot)
    try:
        statement = _single_statement(con, text)
        wanted = statement.named_parameters
        missing = sorted(wanted - set(params))
        if missing:
            raise BenchhouseError(
                "the query uses " + ", ".join(f"${m}" for m in missing)
                + " but no value was given: add " + " ".join(f"-p {m}=VALUE" for m in missing)
            )
        unused = sorted(set(params) - wanted)
        if unused:
            raise BenchhouseError(
                "-p " + ", ".join(unused) + " given but the query has no "
                + ", ".join(f"${u}" for u in unused) + "; refer to a parameter as $name"
            )
        try:
            values = {k: params[k] if raw_params else parse_param(params[k]) for k in wanted}
            return con.execute(statement, values).to_arrow_table()
        except duckdb.PermissionException:
            raise ReadOnlyViolation(
                "benchhouse sql reads only the warehouse: reading or writing other files is refused; "
                "load a file with `benchhouse ingest`, or write results with --format and -o"
            ) from None
        except duckdb.Error as exc:
            raise BenchhouseError(f"SQL error: {str(exc).strip()}") from None
    finally:
        con.close()


def _single_statement(con: duckdb.DuckDBPyConnection, text: str) -> duckdb.Statement:
    try:
        statements = con.extract_statements(text)
    except duckdb.Error as exc:
        raise BenchhouseError(f"SQL error: {str(exc).strip()}") from None
    if not statements:
        raise BenchhouseError("no SQL statement given: pass a query, -f FILE, or SQL on stdin")
    if len(statements) > 1:
        raise BenchhouseError(f"one statement at a time, please: found {len(statements)}")
    statement = statements[0]
    found = OUTSIDE_READERS.search(text)
    if found:
        raise ReadOnlyViolation(
            f"benchhouse sql reads only the warehouse: {found.group(0)} reads files or writes around its "
            "rules and is refused; query the tables and views by name"
        )
    if statement.type not in ALLOWED:
        kind = statement.type.name.replace("_", " ")
        article = "an" if kind[0] in "AEIOU" else "a"
        raise ReadOnlyViolation(
            f"benchhouse sql is read-only: {article} {kind} statement is refused; it runs SELECT (and "
            "DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); load data with `benchhouse ingest`"
        )
    return statement


def named(location: Location, name: str, params: Mapping[str, str] = {},
          snapshot: int | None = None) -> pa.Table:
    """Rows of one of the warehouse's stored queries, warehouse/queries/<name>.sql."""
    return run(location, sql.load(f"queries/{name}.sql"), params, snapshot=snapshot)


def snapshots(location: Location) -> pa.Table:
    return run(location, sql.load("queries/snapshots.sql"))


def relations(location: Location, snapshot: int | None = None) -> pa.Table:
    return run(location, sql.load("queries/relations.sql"), snapshot=snapshot)


def columns(location: Location, name: str, snapshot: int | None = None) -> pa.Table:
    found = run(location, sql.load("queries/columns.sql"), {"name": name}, snapshot=snapshot)
    if found.num_rows == 0:
        known = relations(location, snapshot).column("name").to_pylist()
        raise UnknownName(
            f"no table or view named '{name}'.{did_you_mean(name, known)} "
            "List them with `benchhouse schema`."
        )
    return found
