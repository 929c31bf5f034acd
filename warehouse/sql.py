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
