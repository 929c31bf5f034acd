"""A report handle computes the views report queries build on once, into temporary tables that shadow
them (reports/handle.py, SHARED_VIEWS), each on the first query that reads it, directly or through
another view: read through the handle, each gives exactly the view's rows at the handle's snapshot,
also after later ingests."""

from __future__ import annotations

import shutil
from contextlib import closing

from reports.handle import SHARED_VIEWS, ReadHandle, window
from reports.window import Period
from tests.conftest import latest_snapshot, same, write
from tests.unit.metrics.conftest import SPEED, SPEED_FILES
from warehouse.connection import Location, connect
from warehouse.ingest import ingest


def temporary_tables(handle: ReadHandle) -> set[str]:
    return {name for (name,) in handle.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'temp' "
        "AND table_type = 'LOCAL TEMPORARY'").fetchall()}


def test_each_shared_view_read_through_a_handle_is_the_view_at_its_snapshot(metrics_template, tmp_path):
    shutil.copytree(metrics_template, tmp_path / "warehouse")
    location = Location.resolve(str(tmp_path / "warehouse"))
    for kind, name in SPEED_FILES:  # the deployment views' rows too
        ingest(location, kind, SPEED / name)
    pinned = latest_snapshot(location)
    ingest(location, "prices", write(tmp_path / "cut.csv", (  # after the pin: the handle must not see it
        "model,provider,token_type,usd_per_mtok,valid_from,valid_to,source\n"
        "beta-1,lab-b,input,0.5,2026-09-01,,https://lab-b.example/pricing\n")))
    with ReadHandle(location, window(location, Period.parse("2026Q3"), pinned)) as handle:
        handle.rows("data_through")  # reads no shared view, not even through another: computes none
        assert temporary_tables(handle) == set()
        handle.rows("coverage", version="1")  # reads the index through the view coverage, and no speed
        assert {"calendar", "eval_scores", "intelligence_index"} <= temporary_tables(handle) < set(SHARED_VIEWS)
        assert not {name for name in temporary_tables(handle) if name.startswith(("speed", "provider", "ttft"))}
        handle.share_views()
        assert temporary_tables(handle) == set(SHARED_VIEWS)
        empty = set()
        with closing(connect(location, read_only=True, snapshot=pinned)) as plain:  # no temporary table
            for view in sorted(SHARED_VIEWS):
                through = handle.con.execute(f"SELECT * FROM {view} ORDER BY ALL").fetchall()
                direct = plain.execute(f"SELECT * FROM {view} ORDER BY ALL").fetchall()
                assert same(through, direct), view
                empty |= {view} if not through else set()
        # no openness in the fixture, and no measured speed it sets aside
        assert empty == {"openness_index_as_of", "openness_by_model", "openness_default_set", "speed_anomalies"}
