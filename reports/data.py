"""Read-only access to the warehouse for reports: one connection pinned to one snapshot, and the
report queries in reports/sql/*.sql (they read the warehouse's views; no metric is computed here)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from warehouse import query
from warehouse.connection import Location, connect, latest_snapshot
from warehouse.errors import BenchhouseError

SQL = Path(__file__).resolve().parent / "sql"


@cache
def statement(name: str) -> str:
    return (SQL / f"{name}.sql").read_text()


class ReportData:
    """The warehouse as a report sees it: every query at the same snapshot."""

    def __init__(self, location: Location, snapshot: int | None = None):
        self.location = location
        if snapshot is None:
            con = connect(location, read_only=True)
            try:
                snapshot = latest_snapshot(con)
            finally:
                con.close()
        self.snapshot = snapshot
        self.con = connect(location, read_only=True, snapshot=snapshot)

    def rows(self, name: str, **params: Any) -> list[dict]:
        """Rows of reports/sql/<name>.sql as dictionaries; each $param bound from `params`."""
        stmt = self.con.extract_statements(statement(name))[0]
        missing = stmt.named_parameters - set(params)
        if missing:
            raise BenchhouseError(f"reports/sql/{name}.sql needs {', '.join(sorted(missing))}")
        cursor = self.con.execute(stmt, {k: params[k] for k in stmt.named_parameters})
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    def one(self, name: str, **params: Any) -> dict | None:
        found = self.rows(name, **params)
        return found[0] if found else None

    def close(self) -> None:
        self.con.close()
