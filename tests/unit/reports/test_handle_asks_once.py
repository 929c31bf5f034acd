"""A report handle pins its snapshot, so it asks the warehouse once for a statement and its
parameters and hands each caller its own copy of the rows (the three reports' focus pages share
model_standing; bench/render_bench.py measures the gathering)."""

from __future__ import annotations

from reports.handle import ReadHandle, window
from reports.window import Period


class Counting:
    """The handle's connection, counting the statements it executes."""

    def __init__(self, con):
        self.con, self.executed = con, 0

    def execute(self, *args):
        # Not counted: the shared views, computed once per handle in a transaction of their own, and
        # its one look at which views read which
        statement = str(args[0])
        if not statement.startswith(("CREATE TEMP TABLE", "BEGIN", "COMMIT")) and "duckdb_views()" not in statement:
            self.executed += 1
        return self.con.execute(*args)

    def __getattr__(self, name):
        return getattr(self.con, name)


def test_the_same_statement_and_parameters_are_asked_once_and_copied(known):
    with ReadHandle(known, window(known, Period.parse("2026Q3"))) as handle:
        handle.con = counting = Counting(handle.con)
        first = handle.rows("model_names")
        first[0]["display_name"] = "changed by a caller"
        again = handle.rows("model_names")
        other_date = handle.rows("model_names", as_of=handle.window.previous_as_of)
    assert len(first) == 4 and again[0]["display_name"] != "changed by a caller"
    assert counting.executed == 1  # the rows of model_names do not depend on as_of: it binds none
    assert other_date == again
