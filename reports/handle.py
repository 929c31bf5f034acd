"""The one read handle a report gets: a read-only connection pinned to the window's snapshot, and the
report queries in reports/<package>/sql/*.sql, which read the warehouse's views and only filter and order
(every figure is computed in a view). `$as_of`, `$previous_as_of` and `$snapshot` are bound from the
window; a query's other parameters are given by name. A private report's handle is the same with one
tenant's catalog beside the warehouse (reports/tenant_handle.py): public reports never import it."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from reports.window import Period, Window
from warehouse.connection import Location, connect, transaction
from warehouse.migrate import current_snapshot
from warehouse.errors import BenchhouseError

REPORTS = Path(__file__).resolve().parent


@cache
def queries() -> dict[str, Path]:
    """Every report query by name: reports/<package>/sql/<name>.sql, the shared ones in
    reports/common/sql/. A name is one query, whichever package holds it."""
    found: dict[str, Path] = {}
    for path in sorted(REPORTS.glob("*/sql/*.sql")):
        if path.stem in found:
            raise BenchhouseError(f"two report queries are named {path.stem}: {where(found[path.stem])} and "
                                  f"{where(path)}; rename one")
        found[path.stem] = path
    return found


def where(path: Path) -> str:
    return str(path.relative_to(REPORTS.parent))


@cache
def statement(name: str) -> str:
    try:
        return queries()[name].read_text()
    except KeyError:
        raise BenchhouseError(f"no report query is named {name} (reports/*/sql/{name}.sql)") from None


def window(location: Location, period: Period, snapshot: int | None = None) -> Window:
    """The window of `period` at `snapshot`, or at the warehouse's latest snapshot, which is read only
    when the warehouse's views are this code's (a reader never brings them up to date)."""
    return Window.of(period, current_snapshot(location) if snapshot is None else snapshot)


def check_period(handle: "ReadHandle") -> None:
    """A quarter that starts after the last day of the warehouse's data is refused, naming the last
    quarter there is data for."""
    through = handle.con.execute(statement("data_through")).fetchone()[0]
    period = handle.window.period
    if through is not None and period.start > through:
        last = Period(through.year, (through.month - 1) // 3 + 1)
        raise BenchhouseError(f"period {period} starts after the warehouse's last data ({through:%Y-%m-%d}, "
                              f"snapshot {handle.snapshot}): choose {last} or earlier, or load newer data first")


# The views most report queries build on, each after the views it reads. DuckDB computes a view
# wherever it is named, so intelligence_index was computed again inside cost_to_run, pareto_frontier,
# intelligence_cost, cheaper_equivalent and model_standing for every query. A handle's snapshot is
# pinned, so each of these is computed once, on the handle's first query that reads one of them
# (directly or through another view), into a temporary table of the same name, which shadows the view
# for this connection only: the same rows, read many times. A query that reads none (the index
# version a plan looks up, the data's last day) does not pay for them.
SHARED_VIEWS = ("price_as_of", "model_price_as_of", "blended_price", "eval_scores", "intelligence_index",
                "cost_to_run", "intelligence_cost", "pareto_frontier", "cheaper_equivalent", "turn_efficiency",
                "openness_by_model", "model_standing", "model_placement")


def names_any(sql: str, names: set[str] | tuple[str, ...]) -> bool:
    """Whether `sql` names one of `names` as a whole word."""
    return bool(names) and re.search(r"\b(" + "|".join(map(re.escape, names)) + r")\b", sql) is not None


def readers_of(con, views: tuple[str, ...]) -> set[str]:
    """`views` and every view that reads one of them, directly or through other views (from the
    views' own SQL: a view that names one as a word reads it)."""
    texts = dict(con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal").fetchall())
    found = set(views)
    while grown := {name for name, text in texts.items() if name not in found and names_any(text, found)}:
        found |= grown
    return found


class ReadHandle:
    """The warehouse as a report sees it: every query at the window's snapshot."""

    shared_views: tuple[str, ...] = SHARED_VIEWS

    def __init__(self, location: Location, window_: Window):
        self.location = location
        self.window = window_
        self.con = self._connect()
        self._shared = False
        self._readers: set[str] = set()  # the views that read a shared view (readers_of), once asked
        # The snapshot is pinned, so a statement with the same parameters returns the same rows: the
        # reports share some (every report's focus page reads model_standing twice), asked once.
        self._asked: dict[tuple, list[dict]] = {}

    def _connect(self):
        return connect(self.location, read_only=True, snapshot=self.window.snapshot)

    @property
    def snapshot(self) -> int:
        return self.window.snapshot

    def rows(self, name: str, **params: Any) -> list[dict]:
        """Rows of the report query `name` (reports/<package>/sql/<name>.sql) as dictionaries."""
        stmt = self.con.extract_statements(statement(name))[0]
        given = {**self.window.parameters(), **params}
        missing = stmt.named_parameters - set(given)
        if missing:
            raise BenchhouseError(f"{where(queries()[name])} needs {', '.join(sorted(missing))}")
        values = {k: given[k] for k in stmt.named_parameters}
        key = (name, *sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in values.items()))
        if key not in self._asked:
            cursor = self.execute(stmt, values)
            columns = [d[0] for d in cursor.description]
            self._asked[key] = [dict(zip(columns, row)) for row in cursor.fetchall()]
        return [dict(row) for row in self._asked[key]]  # copies: a caller may change its rows

    def execute(self, sql: str | Any, params: Any = None):
        """Run a statement (text, or one of con.extract_statements) at the handle's snapshot and return
        the cursor: the shared views are computed first when it reads one of them (readers_of)."""
        if not self._shared and self.shared_views:
            self._readers = self._readers or readers_of(self.con, self.shared_views)
            if names_any(sql if isinstance(sql, str) else sql.query, self._readers):
                self.share_views()
        return self.con.execute(sql, params or [])

    def share_views(self) -> None:
        """Compute the shared views once for this connection (done by the first query that reads one)."""
        if not self._shared:
            with transaction(self.con):  # one DuckLake transaction, not one a view
                for view in self.shared_views:
                    self.con.execute(f"CREATE TEMP TABLE {view} AS SELECT * FROM {view}")
            self._shared = True

    def one(self, name: str, **params: Any) -> dict | None:
        found = self.rows(name, **params)
        return found[0] if found else None

    def models(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT model FROM models").fetchall()}

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "ReadHandle":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
