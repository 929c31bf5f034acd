"""What an analyst's read-only statement may call, decided on its parsed form before it runs.

A SELECT can reach past the catalog through functions: table functions that read files or servers
around DuckDB's file rules (sqlite_scan reads any SQLite file, a tenant's catalog included), run
SQL given as text (query, query_table), list settings and attached paths (duckdb_settings,
duckdb_databases), or maintain the lake and write files (ducklake_merge_adjacent_files). So:

- table functions: an allow-list, below, of those that only generate rows or describe the catalog's
  tables and views;
- scalar and aggregate functions: all but those DuckDB itself marks as having side effects (bar
  the merely random ones) and those that read settings or variables; a macro whose definition calls
  one of them is refused with it. The list is read from duckdb_functions(), so a function a new
  DuckDB or extension adds is judged by the same rule;
- tables: none in a DuckLake metadata catalog (`__ducklake_metadata_*`), which holds the data path.

The statement is parsed by DuckDB (json_serialize_sql), so a call written as a method (x.f()), inside
a lambda, a subquery or a CTE is found as surely as a plain one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import duckdb

from warehouse.errors import ReadOnlyViolation

TABLE_FUNCTIONS = frozenset({
    "range", "generate_series", "unnest", "repeat", "json_each", "json_tree",
    "duckdb_tables", "duckdb_views", "duckdb_columns", "duckdb_schemas", "duckdb_types", "duckdb_constraints",
    "duckdb_keywords", "duckdb_functions", "duckdb_indexes", "duckdb_sequences", "duckdb_dependencies",
    "snapshots", "ducklake_snapshots", "summary", "pg_timezone_names", "icu_calendar_names",
})
RANDOM = frozenset({"random", "uuid", "gen_random_uuid", "uuidv4", "uuidv7", "error"})
SETTINGS = frozenset({"current_setting", "getvariable", "current_query"})
METADATA_CATALOG = "__ducklake_metadata"


def refused_functions(con: duckdb.DuckDBPyConnection) -> frozenset[str]:
    """Scalar, aggregate and macro names a statement may not call, from duckdb_functions()."""
    rows = con.execute("SELECT function_name, function_type, has_side_effects, macro_definition "
                       "FROM duckdb_functions()").fetchall()
    refused = {name for name, kind, effects, _ in rows
               if kind in ("scalar", "aggregate") and effects and name not in RANDOM} | SETTINGS
    calls = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(refused)) + r")\s*\(", re.I)
    refused |= {name for name, kind, _, body in rows if kind in ("macro", "table_macro") and body
                and calls.search(body)}
    return frozenset(refused)


def check(con: duckdb.DuckDBPyConnection, text: str) -> None:
    """Refuse the statement if it calls what it may not; the caller checked it is one statement."""
    body = re.sub(r"^\s*EXPLAIN(\s+ANALYZE)?\b", "", text, flags=re.I)
    parsed = json.loads(con.execute("SELECT json_serialize_sql(?)", [body]).fetchone()[0])
    if parsed.get("error"):
        return  # not a plain SELECT: the statement type check and DuckDB's own rules decide
    refused = refused_functions(con)
    for kind, name, catalog in _calls(parsed):
        if kind == "table" and name.lower() not in TABLE_FUNCTIONS:
            _refuse(f"{name}()")
        if kind == "function" and name.lower() in refused:
            _refuse(f"{name}()")
        if kind == "relation" and any(part.lower().startswith(METADATA_CATALOG) for part in catalog):
            _refuse(f"the catalog {next(p for p in catalog if p.lower().startswith(METADATA_CATALOG))}")


def _refuse(what: str) -> None:
    raise ReadOnlyViolation(
        f"benchhouse sql reads only the warehouse: {what} reads files, settings or the lake's internals, or "
        "writes, and is refused (reading or writing other files is refused); query the tables and views by name"
    )


def _calls(node) -> Iterator[tuple[str, str, object]]:
    """('table' | 'function' | 'relation', name, where) for every call and table in a parsed statement:
    a relation's `where` is its catalog and schema (either may name the catalog: a.b is ambiguous)."""
    if isinstance(node, dict):
        kind = node.get("type")
        if kind == "TABLE_FUNCTION" and isinstance(node.get("function"), dict):
            function = node["function"]
            yield "table", function.get("function_name", ""), function.get("catalog")
            yield from _calls(function.get("children", []))
            for key, value in node.items():
                if key != "function":
                    yield from _calls(value)
            return
        if kind == "BASE_TABLE":
            yield "relation", node.get("table_name", ""), (node.get("catalog_name") or "", node.get("schema_name") or "")
        elif "function_name" in node:
            yield "function", node["function_name"], node.get("catalog")
        for value in node.values():
            yield from _calls(value)
    elif isinstance(node, list):
        for value in node:
            yield from _calls(value)
