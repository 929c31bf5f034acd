"""Invariants of the metrics layer: prices scale costs and nothing else; evaluations outside an
index change no index; a query pinned to a snapshot never changes."""

from __future__ import annotations

import csv
import io
import shutil
from contextlib import closing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.handle import SharedViews
from tests.conftest import latest_snapshot, rows, same, write
from tests.unit.metrics.conftest import METRICS, PRICES, RUNS, index_folder
from warehouse import query
from warehouse.connection import Location, connect
from warehouse.ingest import ingest, ingest_indices

COSTS = """SELECT version, model, effort, CAST(as_of AS VARCHAR), total_usd, input_usd, reasoning_usd, answer_usd,
                  cost_per_task FROM cost_to_run ORDER BY ALL"""
RANKINGS = {
    "index ranks": 'SELECT version, model, effort, rank FROM intelligence_index ORDER BY ALL',
    "pareto frontier": 'SELECT version, CAST(as_of AS VARCHAR), model, effort, on_frontier FROM pareto_frontier ORDER BY ALL',
    "cheapest at threshold": 'SELECT threshold, CAST(as_of AS VARCHAR), model FROM price_of_intelligence ORDER BY ALL',
    "frontier model": 'SELECT version, CAST(as_of AS VARCHAR), model FROM frontier_spend ORDER BY ALL',
}


def scaled_prices(folder, k: float):
    reader = csv.DictReader(io.StringIO(PRICES.read_text()))
    out = io.StringIO()
    writer = csv.DictWriter(out, reader.fieldnames, lineterminator="\n")
    writer.writeheader()
    for row in reader:
        writer.writerow({**row, "usd_per_mtok": float(row["usd_per_mtok"]) * k})
    return write(folder / f"prices-{k}.csv", out.getvalue())


@pytest.fixture(scope="module")
def unpriced(new_warehouse, tmp_path_factory):
    """The paper-checkable warehouse without its prices, built once: each draw copies it and loads
    its own scaled prices."""
    folder = tmp_path_factory.mktemp("scaling")
    location = new_warehouse(folder / "unpriced")
    ingest(location, "models", METRICS / "models.csv")
    ingest(location, "evaluations", METRICS / "evaluations.csv")
    ingest(location, "runs", RUNS)
    ingest_indices(location, index_folder(folder))
    return folder


def priced(folder, k: float) -> Location:
    target = folder / f"k{k}"
    if not target.exists():  # hypothesis may draw the same k twice
        shutil.copytree(folder / "unpriced", target)
        ingest(Location.resolve(str(target)), "prices", scaled_prices(folder, k))
    return Location.resolve(str(target))


def read(location: Location) -> dict[str, list[tuple]]:
    """The costs and every ranking, through one connection that computes the views they share once
    (reports/handle.py: SharedViews)."""
    with closing(connect(location, read_only=True)) as con:
        shared = SharedViews(con)
        for sql in [COSTS, *RANKINGS.values()]:
            shared.before(sql)
        return {name: con.execute(sql).fetchall() for name, sql in {"costs": COSTS, **RANKINGS}.items()}


@pytest.fixture(scope="module")
def unscaled(unpriced):
    return read(priced(unpriced, 1))


# Within what tokens have ever cost: the fixture's prices ($1 to $20 per million) stay between the
# quarantine's bounds ($0.001 and $10,000, price_anomalies), outside which a price is no price.
@settings(max_examples=4, deadline=None)
@given(k=st.floats(min_value=0.01, max_value=100).map(lambda x: round(x, 6)).filter(lambda x: x != 1))
def test_scaling_every_price_by_k_scales_every_cost_by_k_and_no_ranking(unpriced, unscaled, k):
    scaled = read(priced(unpriced, k))
    assert len(unscaled["costs"]) > 10
    for before, after in zip(unscaled["costs"], scaled["costs"], strict=True):
        assert after[:4] == before[:4]
        for x, y in zip(before[4:], after[4:]):
            assert (x is None and y is None) or y == pytest.approx(k * x, rel=1e-9)
    for name in RANKINGS:
        assert scaled[name] == unscaled[name], name


def test_evaluations_outside_an_index_change_no_index(metrics, tmp_path):
    before = rows(metrics, 'SELECT * FROM intelligence_index ORDER BY ALL')
    text = "model,effort,provider,evaluation,repeat,task_id,score,account\n" + "".join(
        f"{m},,{p},outside,{r},t{t},{(r + t) % 2},anonymous\n"
        for m, p in (("alpha-1", "lab-a"), ("beta-1", "lab-b")) for r in (1, 2) for t in (1, 2))
    ingest(metrics, "runs", write(tmp_path / "outside.csv", text))
    assert rows(metrics, "SELECT count(*) FROM eval_scores WHERE evaluation = 'outside'") == [(2,)]
    assert same(rows(metrics, 'SELECT * FROM intelligence_index ORDER BY ALL'), before)


PINNED_VIEWS = ["eval_scores", "intelligence_index", "cost_to_run", "turn_efficiency", "pareto_frontier",
                "price_of_intelligence", "price_decline", "frontier_spend", "intelligence_cost", "cost_tiers",
                "frontier_drivers"]


@pytest.fixture(scope="module")
def later(metrics_template, tmp_path_factory):
    """The paper-checkable warehouse, every view read at its latest snapshot, then new data: a
    fourth repeat for alpha-1 (all solved) and a price cut for beta-1."""
    folder = tmp_path_factory.mktemp("later")
    shutil.copytree(metrics_template, folder / "warehouse")
    location = Location.resolve(str(folder / "warehouse"))
    pinned = latest_snapshot(location)
    with closing(connect(location, read_only=True, snapshot=pinned)) as con:  # the views they share once
        shared = SharedViews(con)
        before = {}
        for view in PINNED_VIEWS:
            shared.before(view)
            cursor = con.execute(f"SELECT * FROM {view} ORDER BY ALL")
            before[view] = [dict(zip([d[0] for d in cursor.description], row)) for row in cursor.fetchall()]
    ingest(location, "runs", write(folder / "repeat4.csv", (
        "model,effort,provider,evaluation,repeat,task_id,score,input_tokens,answer_tokens,account\n"
        + "".join(f"alpha-1,,lab-a,{e},4,t{t},1,900,90,anonymous\n" for e in ("e1", "e2") for t in range(1, 5)))))
    ingest(location, "prices", write(folder / "cut.csv", (
        "model,provider,token_type,usd_per_mtok,valid_from,valid_to,source\n"
        "beta-1,lab-b,input,0.5,2026-09-01,,https://lab-b.example/pricing\n")))
    return location, pinned, before


@pytest.mark.parametrize("view", PINNED_VIEWS)
def test_a_query_pinned_to_a_snapshot_does_not_change_after_later_ingests(later, view):
    location, pinned, before = later
    sql = f"SELECT * FROM {view} ORDER BY ALL"
    assert before[view], f"{view} has no rows to compare"
    assert same(query.run(location, sql, snapshot=pinned).to_pylist(), before[view])
    if view in ("eval_scores", "intelligence_index", "cost_to_run", "intelligence_cost"):
        assert query.run(location, sql).to_pylist() != before[view]
