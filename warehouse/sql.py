"""SQL files and the one place where text becomes part of a statement.

Values reach SQL as bound parameters. The few things DuckDB cannot bind (an ATTACH path, an
identifier from a format's column list) go through quote_literal or quote_ident here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@cache
def load(relative: str) -> str:
    """The text of a .sql file under warehouse/, e.g. load('load/models.sql')."""
    return (PACKAGE_DIR / relative).read_text()


def insert_rows(con, head: str, rows: list[tuple], row: str | None = None) -> None:
    """`head` (INSERT INTO t, or INSERT INTO t (columns)) with every row of `rows` in one statement:
    VALUES (?, ...), (?, ...), the values bound. `row` is one row's SQL when it is not all
    parameters (a column computed in SQL). DuckLake writes a Parquet file for each INSERT statement,
    so a row a statement (executemany) left a warehouse of 68 views with 68 files for
    view_definitions alone, each copied, listed and opened again by every reader."""
    if not rows:
        return
    row = row or "(" + ", ".join("?" * len(rows[0])) + ")"
    con.execute(f"{head} VALUES " + ", ".join([row] * len(rows)), [value for r in rows for value in r])
