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
from warehouse.migrate import current_snapshot, view_files
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


# The views report queries build on. DuckDB computes a view wherever it is named, so a report query
# that read model_standing computed calendar 20 times, model_dates 6 and intelligence_index 3, and every
# other query of the report did so again. A handle's snapshot is pinned, so each of these is computed
# at most once a handle, into a temporary table of the same name, which shadows the view for this
# connection only: the same rows, read many times. Each is computed by the handle's first query that
# reads it, directly or through another view, after the shared views it reads itself; a query that
# reads none (the index version a plan looks up, the data's last day) pays for none, and a handle that
# renders one report computes only what that report reads.
SHARED_VIEWS = frozenset({
    "calendar", "reasoning_models", "model_names", "known_runs", "model_dates", "model_modality",
    "model_lifecycle", "model_buyable", "price_as_of", "model_price_as_of", "blended_price", "token_prices",
    "eval_scores", "intelligence_index", "index_pass_tokens", "cost_to_run", "turn_efficiency",
    "openness_index_as_of", "threshold_models", "price_of_intelligence", "frontier_spend", "intelligence_cost",
    "cheaper_equivalent", "pareto_frontier", "openness_by_model", "openness_default_set", "model_standing",
    "model_placement", "coverage_gaps", "speed_checked", "speed_anomalies", "provider_prices",
    "ttft_measurements", "speed_as_of", "provider_frontier", "serving_cost",
})


@cache
def creation_order() -> list[str]:
    """The public views in the order the migrations create them: each after every view it reads."""
    return [view for _, view, _, _ in view_files()]


def named(sql: str, names: set[str] | frozenset[str]) -> set[str]:
    """The names among `names` that `sql` names as whole words."""
    if not names:
        return set()
    pattern = r"\b(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b"
    return set(re.findall(pattern, sql))


def view_graph(con) -> dict[str, set[str]]:
    """Each view of the connection's catalogs, with the views its SQL names (word for word)."""
    graph: dict[str, set[str]] = {}
    texts = con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal").fetchall()
    names = {name for name, _ in texts}
    for name, text in texts:
        graph.setdefault(name, set()).update(named(text, names - {name}))
    return graph


def read_by(graph: dict[str, set[str]], sql: str) -> set[str]:
    """The views `sql` reads, directly or through other views."""
    return reads(graph, named(sql, set(graph)))


def reads(graph: dict[str, set[str]], views: set[str]) -> set[str]:
    """`views` and every view they read, directly or through others."""
    found: set[str] = set()
    todo = set(views)
    while todo:
        found |= todo
        todo = set().union(*(graph[name] for name in todo)) - found
    return found


class SharedViews:
    """The shared views of one connection whose snapshot does not move (a read handle's, pinned):
    each computed once, into a temporary table that shadows it, by the first statement that reads it."""

    def __init__(self, con, views: frozenset[str] = SHARED_VIEWS):
        self.con = con
        self.views = views
        self.computed: set[str] = set()  # the shared views computed into temporary tables
        self._graph: dict[str, set[str]] | None = None  # the views and what each reads, once asked

    def before(self, sql: str) -> None:
        """Compute each shared view `sql` reads, directly or through other views, that is not computed
        yet, each after the views it reads: one temporary table a view, in one DuckLake transaction."""
        if not self.views:
            return
        if self._graph is None:
            self._graph = view_graph(self.con)
        wanted = (read_by(self._graph, sql) & self.views) - self.computed
        if not wanted:
            return
        with transaction(self.con):
            for view in sorted(wanted, key=creation_order().index):  # each after the views it reads
                self.con.execute(f"CREATE TEMP TABLE {view} AS SELECT * FROM {view}")
        self.computed |= wanted

    def all(self) -> None:
        """Compute every shared view now."""
        self.before(" ".join(sorted(self.views)))


class ReadHandle:
    """The warehouse as a report sees it: every query at the window's snapshot."""

    shared_views: frozenset[str] = SHARED_VIEWS

    def __init__(self, location: Location, window_: Window):
        self.location = location
        self.window = window_
        self.con = self._connect()
        self.shared = SharedViews(self.con, self.shared_views)
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
        the cursor, once the shared views it reads are computed."""
        self.shared.before(sql if isinstance(sql, str) else sql.query)
        return self.con.execute(sql, params or [])

    def share_views(self) -> None:
        """Compute every shared view now (a handle that will read most of them)."""
        self.shared.all()

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
