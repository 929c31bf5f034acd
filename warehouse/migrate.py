"""Applying warehouse/schema/NNN_*.sql in order, each file once, all pending ones in one snapshot."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import duckdb

from warehouse import sql
from warehouse.connection import LAKE
from warehouse.errors import SchemaDrift

SCHEMA_DIR = sql.PACKAGE_DIR / "schema"


def run_script(con: duckdb.DuckDBPyConnection, text: str, params: Mapping[str, Any] = {}) -> None:
    """Run every statement of a script, giving each the named parameters it uses."""
    for statement in con.extract_statements(text):
        con.execute(statement, {name: params[name] for name in statement.named_parameters})


def schema_files() -> list[tuple[str, str, str]]:
    """(file name, text, sha256) of every schema file, in order."""
    found = []
    for path in sorted(SCHEMA_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        text = path.read_text()
        found.append((path.name, text, hashlib.sha256(text.encode()).hexdigest()))
    return found


def applied(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = ? AND table_name = 'schema_migrations'",
        [LAKE],
    ).fetchone()[0]
    if not exists:
        return {}
    return dict(con.execute("SELECT file_name, sha256 FROM schema_migrations").fetchall())


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the schema files this warehouse lacks; return their names. Call under the writer lock."""
    done = applied(con)
    pending = []
    for name, text, digest in schema_files():
        if name not in done:
            pending.append((name, text, digest))
        elif done[name] != digest:
            raise SchemaDrift(
                f"warehouse/schema/{name} changed after it was applied to this warehouse; an applied "
                "schema file must never change: restore it and put the change in a new NNN_*.sql file"
            )
    if not pending:
        return []
    con.execute("BEGIN")
    try:
        for name, text, digest in pending:
            run_script(con, text)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, CAST(now() AT TIME ZONE 'UTC' AS TIMESTAMP))",
                [name, digest],
            )
        names = [name for name, _, _ in pending]
        con.execute(f"CALL {LAKE}.set_commit_message('benchhouse', ?, extra_info => ?)",
                    ["schema: " + ", ".join(names), '{"kind": "schema"}'])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return names
