"""What an analyst's read-only statement may be and call, decided on its parsed tree before it runs.

The rule fails closed: a statement is run only when DuckDB's own parser turns it into a tree
(json_serialize_sql) and everything in that tree is allowed. So:

- the statement is a SELECT (with DESCRIBE, SHOW, SUMMARIZE, VALUES and FROM-first, which DuckDB
  parses as SELECTs), or an EXPLAIN of one without ANALYZE (EXPLAIN ANALYZE runs its statement);
  any other statement, and any text the parser or the serializer cannot make a tree of, is refused;
- table functions: an allow-list, below, of those that only generate rows or describe the catalog's
  tables and views (sqlite_scan, read_csv, query, glob and the lake's maintenance functions are not);
- scalar and aggregate functions: all but those DuckDB itself marks as having side effects (bar
  the merely random ones) and those that read settings or variables; a macro whose definition calls
  one of them is refused with it. The list is read from duckdb_functions(), so a function a new
  DuckDB or extension adds is judged by the same rule;
- relations: an allow-list too: the tables and views of the attached catalogs, a few system views
  that describe them, and the statement's own CTEs; never a DuckLake metadata catalog
  (`__ducklake_metadata_*`, which holds the data path), never a system view of databases, settings
  or logs, never a file named as a table.

This is the first of three walls (warehouse/sandbox.py names the other two): what it lets through
still runs in a connection and a process that cannot write or read around the warehouse.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import duckdb

from warehouse.connection import catalogless
from warehouse.errors import BenchhouseError, ReadOnlyViolation, UnknownName, did_you_mean
from warehouse.sql import quote_literal

TABLE_FUNCTIONS = frozenset({
    "range", "generate_series", "unnest", "repeat", "json_each", "json_tree",
    "duckdb_tables", "duckdb_views", "duckdb_columns", "duckdb_schemas", "duckdb_types", "duckdb_constraints",
    "duckdb_keywords", "duckdb_functions", "duckdb_indexes", "duckdb_sequences", "duckdb_dependencies",
    "snapshots", "ducklake_snapshots", "summary", "pg_timezone_names", "icu_calendar_names",
})
# System views that only describe the attached catalogs' tables, views and types, by their schema.
SYSTEM_VIEWS = {
    "main": ("duckdb_columns", "duckdb_constraints", "duckdb_indexes", "duckdb_schemas", "duckdb_tables",
             "duckdb_types", "duckdb_views"),
    "information_schema": ("columns", "schemata", "tables", "views", "table_constraints", "key_column_usage",
                           "check_constraints", "constraint_column_usage", "constraint_table_usage",
                           "referential_constraints", "character_sets"),
    "pg_catalog": ("pg_attribute", "pg_class", "pg_namespace", "pg_tables", "pg_type", "pg_views"),
}
ALLOWED_SYSTEM_VIEWS = frozenset(name for names in SYSTEM_VIEWS.values() for name in names)
RANDOM = frozenset({"random", "uuid", "gen_random_uuid", "uuidv4", "uuidv7", "error"})
SETTINGS = frozenset({"current_setting", "getvariable", "current_query"})
METADATA_CATALOG = "__ducklake_metadata"
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


_CATALOGLESS: tuple[duckdb.DuckDBPyConnection, frozenset[str]] | None = None


def precheck(text: str) -> None:
    """The checks that need no catalog (one statement, its kind, its calls, the names of what it
    reads), on a connection this process keeps: what they refuse is refused before a catalog is
    opened or a process started for it. check() then decides, on the query's own connection."""
    global _CATALOGLESS
    if _CATALOGLESS is None:
        con = catalogless()
        _CATALOGLESS = con, refused_functions(con)
    con, refused = _CATALOGLESS
    check(con, single_statement(con, text), refused=refused, catalog=False)


def single_statement(con: duckdb.DuckDBPyConnection, text: str) -> duckdb.Statement:
    """The one statement of `text`, or an error that says why there is not one."""
    try:
        statements = con.extract_statements(text)
    except duckdb.Error as exc:
        raise BenchhouseError(f"SQL error: {message(exc)}") from None
    if not statements:
        raise BenchhouseError("no SQL statement given: pass a query, -f FILE, or SQL on stdin")
    if len(statements) > 1:
        raise BenchhouseError(f"one statement at a time, please: found {len(statements)}")
    return statements[0]


def message(exc: BaseException) -> str:
    """DuckDB's message on one line, without the excerpt of the statement it appends ("LINE 1: ..."),
    which the analyst has and which, cut short, could show part of a path no scrub recognises."""
    return " ".join(re.split(r"\n\s*LINE \d+:", str(exc))[0].split())


def check(con: duckdb.DuckDBPyConnection, statement: duckdb.Statement, refused: frozenset[str] | None = None,
          catalog: bool = True) -> None:
    """Refuse the statement unless it is a SELECT (or an EXPLAIN of one) whose every call and
    relation is allowed: the relations of the connection's catalogs, or, without one (precheck),
    whatever its name alone does not refuse."""
    text = statement.query
    if statement.type == duckdb.StatementType.EXPLAIN:
        text = _explained(con, text)
    elif statement.type != duckdb.StatementType.SELECT:
        kind = statement.type.name.replace("_", " ")
        article = "an" if kind[0] in "AEIOU" else "a"
        raise ReadOnlyViolation(
            f"benchhouse sql is read-only: {article} {kind} statement is refused; it runs SELECT (and "
            "DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); load data with `benchhouse ingest`"
        )
    try:
        # The statement as a string literal, not a parameter: DuckDB's client imports pandas to bind
        # any parameter, most of what `benchhouse sql` cost to start (0.85 s of CPU).
        parsed = json.loads(con.execute(f"SELECT json_serialize_sql({quote_literal(text)})").fetchone()[0])
    except duckdb.Error:
        parsed = {"error": True}
    if parsed.get("error") or not parsed.get("statements"):
        raise ReadOnlyViolation("benchhouse sql could not check this statement as a plain SELECT, so it is refused; "
                                "write it as a SELECT over the tables and views")
    refused = refused_functions(con) if refused is None else refused
    relations = allowed_relations(con) if catalog else None
    system = _system_view_names(con)
    ctes = {name.lower() for name in _cte_names(parsed)} - system
    for kind, name, where in _calls(parsed):
        if kind == "table" and name.lower() not in TABLE_FUNCTIONS:
            _refuse(f"{name}()")
        if kind == "function" and name.lower() in refused:
            _refuse(f"{name}()")
        if kind == "relation":
            parts = tuple(p.lower() for p in (*where, name) if p)
            if any(p.startswith(METADATA_CATALOG) for p in parts):
                _refuse(f"the catalog {next(p for p in parts if p.startswith(METADATA_CATALOG))}")
            if relations is None:  # no catalog: only what the name alone refuses
                if not IDENTIFIER.fullmatch(name) or (parts[-1] in system and parts[-1] not in ctes
                                                      and parts[-1] not in ALLOWED_SYSTEM_VIEWS):
                    _unknown(parts, name, frozenset(), system)
            elif parts not in relations and not (len(parts) == 1 and parts[0] in ctes and IDENTIFIER.fullmatch(name)):
                _unknown(parts, name, relations, system)


def _explained(con: duckdb.DuckDBPyConnection, text: str) -> str:
    """The SELECT an EXPLAIN explains (comments skipped); EXPLAIN ANALYZE and EXPLAIN of anything but
    one SELECT are refused."""
    tokens = duckdb.tokenize(text)
    if len(tokens) < 2 or text[tokens[0][0]:tokens[0][0] + 7].upper() != "EXPLAIN":
        _refuse("this EXPLAIN", "could not be read")
    rest = text[tokens[1][0]:]
    if re.match(r"ANALY[SZ]E\b", rest, re.I):
        _refuse("EXPLAIN ANALYZE", "runs the statement it explains")
    try:
        inner = con.extract_statements(rest)
    except duckdb.Error:
        inner = []
    if len(inner) != 1 or inner[0].type != duckdb.StatementType.SELECT:
        _refuse("this EXPLAIN", "explains something other than one SELECT")
    return inner[0].query


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


def allowed_relations(con: duckdb.DuckDBPyConnection) -> frozenset[tuple[str, ...]]:
    """Every way a statement may name a relation it may read: (name), (schema, name), (catalog,
    name) and (catalog, schema, name), lowercase, of the attached catalogs' tables and views (the
    metadata catalogs left out) and of SYSTEM_VIEWS. An unqualified name is allowed where DuckDB
    would look for it: the temporary catalog, the current database's schema and the system's."""
    current = con.execute("SELECT current_database(), current_schema()").fetchone()
    rows = con.execute("SELECT table_catalog, table_schema, table_name FROM information_schema.tables").fetchall()
    rows += [("system", schema, name) for schema, names in SYSTEM_VIEWS.items() for name in names]
    found: set[tuple[str, ...]] = set()
    for database, schema, name in rows:
        database, schema, name = database.lower(), schema.lower(), name.lower()
        if database.startswith(METADATA_CATALOG):
            continue
        found |= {(schema, name), (database, schema, name)}
        if schema == "main":
            found.add((database, name))
        if (database, schema) in {("temp", "main"), (current[0].lower(), current[1].lower()), ("system", "main")}:
            found.add((name,))
    return frozenset(found)


def _unknown(parts: tuple[str, ...], name: str, relations: frozenset[tuple[str, ...]], system: set[str]) -> None:
    """A relation the statement may not read: a file or a system view is refused; any other name is
    one the warehouse does not have (at the snapshot read)."""
    if not IDENTIFIER.fullmatch(name):  # a file named as a table (not echoed: it may name a tenant's)
        _refuse("a file named as a table", "is read around the warehouse")
    if parts[-1] in system:
        _refuse(f"the system view {'.'.join(parts)}", "is not a table or view of the warehouse")
    known = sorted({".".join(r) for r in relations if len(r) == len(parts)})
    raise UnknownName(f"{'.'.join(parts)} does not exist: the warehouse (at the snapshot read) has no table or view of "
                      f"that name.{did_you_mean('.'.join(parts), known)} `benchhouse schema` lists them")


def _system_view_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0].lower() for r in con.execute("SELECT view_name FROM duckdb_views() WHERE internal").fetchall()}


def _refuse(what: str, why: str = "reads files, settings or the lake's internals, or writes") -> None:
    raise ReadOnlyViolation(f"benchhouse sql reads only the warehouse's tables and views (reading or writing other "
                            f"files is refused): {what} {why}; query the tables and views by name (`benchhouse "
                            "schema` lists them)")


def _cte_names(node) -> Iterator[str]:
    if isinstance(node, dict):
        for entry in (node.get("cte_map") or {}).get("map", []) if isinstance(node.get("cte_map"), dict) else []:
            yield entry.get("key", "")
        for value in node.values():
            yield from _cte_names(value)
    elif isinstance(node, list):
        for value in node:
            yield from _cte_names(value)


def _calls(node) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """('table' | 'function' | 'relation', name, where) for every call and table in a parsed statement:
    a relation's `where` is its (catalog, schema) as written."""
    if isinstance(node, dict):
        kind = node.get("type")
        if kind == "TABLE_FUNCTION" and isinstance(node.get("function"), dict):
            function = node["function"]
            yield "table", function.get("function_name", ""), ()
            yield from _calls(function.get("children", []))
            for key, value in node.items():
                if key != "function":
                    yield from _calls(value)
            return
        if kind == "BASE_TABLE":
            yield "relation", node.get("table_name", ""), (node.get("catalog_name") or "", node.get("schema_name") or "")
        elif "function_name" in node:
            yield "function", node["function_name"], ()
        for value in node.values():
            yield from _calls(value)
    elif isinstance(node, list):
        for value in node:
            yield from _calls(value)
