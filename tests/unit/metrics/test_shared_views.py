"""A report handle computes the views most report queries build on once, into temporary tables that
shadow them (reports/handle.py, SHARED_VIEWS), on the first query that reads one of them, directly
or through another view: read through the handle, each gives exactly the view's rows at the
handle's snapshot, also after later ingests."""

from __future__ import annotations

import shutil

from reports.handle import SHARED_VIEWS, ReadHandle, window
from reports.window import Period
from tests.conftest import latest_snapshot, same, write
from warehouse import query
from warehouse.connection import Location
from warehouse.ingest import ingest


def temporary_tables(handle: ReadHandle) -> set[str]:
    return {name for (name,) in handle.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'temp' "
        "AND table_type = 'LOCAL TEMPORARY'").fetchall()}


def test_each_shared_view_read_through_a_handle_is_the_view_at_its_snapshot(metrics_template, tmp_path):
    shutil.copytree(metrics_template, tmp_path / "warehouse")
    location = Location.resolve(str(tmp_path / "warehouse"))
    pinned = latest_snapshot(location)
    ingest(location, "prices", write(tmp_path / "cut.csv", (  # after the pin: the handle must not see it
        "model,provider,token_type,usd_per_mtok,valid_from,valid_to,source\n"
        "beta-1,lab-b,input,0.5,2026-09-01,,https://lab-b.example/pricing\n")))
    with ReadHandle(location, window(location, Period.parse("2026Q3"), pinned)) as handle:
        handle.rows("model_names")  # reads no shared view, not even through another: computes none
        assert temporary_tables(handle) == set()
        handle.rows("coverage", version="1")  # reads intelligence_index through the view coverage
        assert temporary_tables(handle) == set(SHARED_VIEWS)
        for view in SHARED_VIEWS:
            through = handle.con.execute(f"SELECT * FROM {view} ORDER BY ALL").fetchall()
            direct = [tuple(r.values()) for r in
                      query.run(location, f"SELECT * FROM {view} ORDER BY ALL", snapshot=pinned).to_pylist()]
            assert through or view == "openness_by_model", f"{view} has no rows in the fixture"  # no openness here
            assert same(through, direct), view
