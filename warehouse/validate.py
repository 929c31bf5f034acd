"""Validation of a staged file, in SQL: every broken rule becomes a row of the temp table `rejects`.

Stages, each one pass over the data:
1. `typed`: every column cast to its type (a value that does not cast stays NULL);
2. row rules: a required value missing, a value of the wrong type, a value outside its range,
   rules across columns of one row;
3. duplicate keys within the file, names that refer to nothing in the warehouse;
4. the format's own checks against the warehouse (checks/<kind>_*.sql).
"""

from __future__ import annotations

from pathlib import Path

from warehouse import sql
from warehouse.formats import Column, Format
from warehouse.sql import quote_ident, quote_literal

INTEGER_TYPES = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
                 "UINTEGER", "UBIGINT"}
NUMERIC_TYPES = INTEGER_TYPES | {"FLOAT", "DOUBLE"}
TYPE_EXPECTED = {
    "VARCHAR": "text",
    "DOUBLE": "a number",
    "BIGINT": "a whole number",
    "INTEGER": "a whole number",
    "DATE": "a date like 2025-03-01",
    "TIMESTAMP": "a timestamp like 2025-03-01T14:30:00Z",
    "BOOLEAN": "true or false",
}
REFERENCE_KEYS = {"models": ("model", "a model"), "evaluations": ("evaluation", "an evaluation")}


def raw_name(column: str) -> str:
    return quote_ident(f"raw:{column}")


def cast_sql(column: Column, source_type: str | None) -> str:
    """Expression giving the typed value of a column read as `source_type`, NULL when it won't cast."""
    if source_type is None:
        return f"CAST(NULL AS {column.type})"
    raw = quote_ident(column.name)
    target = column.type
    base = source_type.split("(")[0]
    if base == target or (target in ("DOUBLE",) and base in NUMERIC_TYPES):
        return f"CAST({raw} AS {target})"
    if target in ("BIGINT", "INTEGER"):
        if base in INTEGER_TYPES:
            return f"TRY_CAST({raw} AS {target})"
        # '1.5' must not round to 2: a whole number is one whose double and integer values agree.
        return (f"CASE WHEN TRY_CAST({raw} AS DOUBLE) = TRY_CAST({raw} AS {target}) "
                f"THEN TRY_CAST({raw} AS {target}) END")
    if target == "TIMESTAMP" and base in ("VARCHAR", "TIMESTAMP WITH TIME ZONE"):
        # An offset in the text is honoured; text without one is read as UTC.
        return f"timezone('UTC', TRY_CAST({raw} AS TIMESTAMPTZ))"
    if target == "VARCHAR":
        return f"CAST({raw} AS VARCHAR)"
    return f"TRY_CAST({raw} AS {target})"


def typed_view_sql(fmt: Format, source_columns: dict[str, str]) -> str:
    """CREATE the view `typed`: `_row`, each column typed under its own name, and its raw value."""
    parts = ["_row", "_line", "_ref" if "_ref" in source_columns else "CAST(NULL AS VARCHAR) AS _ref"]
    for column in fmt.columns:
        source_type = source_columns.get(column.name)
        value = cast_sql(column, source_type)
        if column.default is not None:
            value = f"coalesce({value}, {column.default})"
        parts.append(f"{value} AS {quote_ident(column.name)}")
        raw = "NULL" if source_type is None else f"CAST({quote_ident(column.name)} AS VARCHAR)"
        parts.append(f"{raw} AS {raw_name(column.name)}")
    return f"CREATE OR REPLACE TEMP VIEW typed AS SELECT {', '.join(parts)} FROM src"


def _problems(fmt: Format) -> list[tuple[str, str, str]]:
    """(condition that marks a problem, column blamed, SQL text of what was expected)."""
    problems = []
    for column in fmt.columns:
        name, raw = quote_ident(column.name), raw_name(column.name)
        if column.required:
            problems.append((f"{raw} IS NULL", column.name,
                             quote_literal("expected a value: this column is required")))
        problems.append((f"{raw} IS NOT NULL AND {name} IS NULL", column.name,
                         quote_literal(f"expected {TYPE_EXPECTED[column.type]}")))
        typed_ok = "true"
        if column.type_rule is not None:
            problems.append((f"{name} IS NOT NULL AND NOT {column.type_rule.sql(name)}", column.name,
                             quote_literal(f"expected {column.type_rule.expected}")))
            typed_ok = column.type_rule.sql(name)  # one problem per value: its type's, else its own rule's
        rule = column.rule_sql(name)
        if rule:
            problems.append((f"{name} IS NOT NULL AND {typed_ok} AND NOT {rule}", column.name,
                             quote_literal(f"expected {column.expected}")))
    for row_rule in fmt.row_rules:
        problems.append((f"NOT coalesce({row_rule.check}, true)", row_rule.column,
                         f"'expected ' || {row_rule.expected}"))
    return problems


def row_rules_sql(fmt: Format) -> str:
    """One pass: the rows breaking any rule, then one reject per broken rule."""
    problems = _problems(fmt)
    any_problem = " OR ".join(f"({cond})" for cond, _, _ in problems)
    entries = ", ".join(
        f"CASE WHEN {cond} THEN {{'col': {quote_literal(col)}, 'value': {raw_name(col)}, "
        f"'reason': {reason}}} END"
        for cond, col, reason in problems
    )
    return (
        "SELECT _row, p.col AS column_name, p.value, p.reason FROM ("
        f"SELECT _row, unnest(list_filter([{entries}], x -> x IS NOT NULL)) AS p "
        f"FROM typed WHERE {any_problem})"
    )


def duplicate_sql(fmt: Format) -> str:
    """Rows repeating an earlier row's key. Grouping on one hash of the key is much cheaper than
    grouping on the key's text; rows whose hash repeats are then compared on the key itself, an
    empty value matching an empty one (an optional column may be part of a key)."""
    keys = ", ".join(quote_ident(k) for k in fmt.key)
    same = " AND ".join(f"t.{quote_ident(k)} IS NOT DISTINCT FROM dup.{quote_ident(k)}" for k in fmt.key)
    shown = " || ', ' || ".join(f"coalesce(CAST(t.{quote_ident(k)} AS VARCHAR), '')" for k in fmt.key)
    return (
        f"WITH repeated AS (SELECT hash({keys}) AS h FROM typed GROUP BY h HAVING count(*) > 1), "
        f"suspects AS (SELECT * FROM typed WHERE hash({keys}) IN (SELECT h FROM repeated)), "
        f"dup AS (SELECT {keys}, min(_row) AS first_row FROM suspects GROUP BY ALL HAVING count(*) > 1) "
        f"SELECT t._row, {quote_literal(', '.join(fmt.key))} AS column_name, {shown} AS value, "
        f"'expected each ' || {quote_literal(' + '.join(fmt.key))} || ' once; this repeats ' "
        f"|| row_ref(dup.first_row) AS reason "
        f"FROM suspects t JOIN dup ON {same} WHERE t._row > dup.first_row"
    )


def reference_sql(column: Column) -> str:
    table = column.references
    key, noun = REFERENCE_KEYS[table]
    name = quote_ident(column.name)
    return sql.load("checks/unknown_reference.sql").format(
        column=name, column_text=quote_literal(column.name), table=quote_ident(table),
        key=quote_ident(key), noun=quote_literal(noun), table_text=quote_literal(table),
        known=quote_ident(f"known_{table}"), table_name=table,
    )


def checks(fmt: Format, scripts: Path | None = None) -> list[tuple[str, str]]:
    """(name, SELECT giving _row, column_name, value, reason) for every check of the format: the
    generated ones, checks/<kind>_*.sql, then those of `scripts`/checks (a tenant's own)."""
    found = [("row rules", row_rules_sql(fmt)), ("duplicates", duplicate_sql(fmt))]
    found += [(f"unknown {c.references}", reference_sql(c)) for c in fmt.columns if c.references]
    folders = [sql.PACKAGE_DIR / "checks"] + ([scripts / "checks"] if scripts is not None else [])
    for folder in folders:
        for path in sorted(folder.glob(f"{fmt.kind}_*.sql")):
            found.append((path.stem.removeprefix(f"{fmt.kind}_").replace("_", " "), path.read_text()))
    return found
