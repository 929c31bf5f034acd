"""The smile curve: price_of_intelligence (the cheapest model meeting a threshold, month by month)
and price_decline (Epoch AI's method: running minimum, least squares on log10 price, 90% interval)."""

from __future__ import annotations

from datetime import date, timedelta
from math import log10, sqrt

import numpy as np
import pytest

from tests.conftest import rows, write
from tests.unit.metrics.conftest import index_folder
from warehouse.connection import Location, connect
from warehouse.ingest import ingest, ingest_indices

T_95 = {4: 2.131847, 5: 2.015048, 6: 1.94318}  # Student t, 90% two-sided, by degrees of freedom (a table to six decimals)
LATEST = "(SELECT max(as_of) FROM calendar)"  # the runs of series_warehouse have no start time: they count from their load


def test_the_cheapest_model_meeting_the_threshold_each_month(metrics):
    # Threshold: 50 on e1. alpha-1 (75, blended (3 x 10 + 20) / 4 = 12.5) from 2024-01; beta-1 (100,
    # blended 1.25) from 2025-01; llama-x scores 25 and never qualifies.
    by_date = {str(d): (m, p, n) for d, m, p, n in rows(metrics, """
        SELECT as_of, model, blended_usd_per_mtok, models_meeting FROM price_of_intelligence
        WHERE threshold = 'half-e1' AND scores_as_of = '2026-09-30'""")}
    assert by_date["2024-06-30"] == ("alpha-1", 12.5, 1)
    assert by_date["2025-03-31"] == ("beta-1", 1.25, 2)
    assert by_date["2025-07-31"] == ("beta-1", 1.25, 3)
    assert "2023-12-31" not in by_date


def test_decline_on_the_fixture_keeps_only_models_cheaper_than_all_before(metrics):
    # Launch prices: alpha-1 12.5 (2024-01-15), beta-1 1.25 (2025-01-15), thinker-1 3.5 (2025-06-01,
    # not below 1.25: not kept). Two points: a slope but no interval.
    ((n, models, factor, low, high),) = rows(metrics, f"""
        SELECT models_on_frontier, models, decline_factor_per_year, decline_factor_low, decline_factor_high
        FROM price_decline WHERE threshold = 'half-e1' AND with_reasoning AND as_of = {LATEST}""")
    days = (date(2025, 1, 15) - date(2024, 1, 15)).days
    assert (n, models) == (2, "alpha-1, beta-1")
    assert factor == pytest.approx(10 ** (-365 * (log10(1.25) - log10(12.5)) / days))
    assert (low, high) == (None, None)


def series_warehouse(new_warehouse, tmp_path, prices: list[float], reasoning_at: set[int] = frozenset()) -> Location:
    """Models m0, m1, ... released every 61 days from 2023-02-01, each meeting the threshold, with
    the given blended prices (input = output = price)."""
    location = new_warehouse(tmp_path / "series")
    start = date(2023, 2, 1)
    released = [start + timedelta(days=61 * i) for i in range(len(prices))]
    models = "model,creator,display_name,release_date\n" + "".join(
        f"m{i},lab,M{i},{d}\n" for i, d in enumerate(released))
    ingest(location, "models", write(tmp_path / "models.csv", models))
    ingest(location, "evaluations", write(tmp_path / "evaluations.csv",
                                          "evaluation,name,category,kind,n_tasks,scoring\n"
                                          "e1,E1,reasoning,single_turn,1,accuracy\n"
                                          "e2,E2,math,single_turn,1,accuracy\n"))
    runs = "model,effort,provider,evaluation,repeat,task_id,score,account\n" + "".join(
        f"m{i},{'high' if i in reasoning_at else ''},lab,e1,1,t1,1,anonymous\n" for i in range(len(prices)))
    ingest(location, "runs", write(tmp_path / "runs.csv", runs))
    price_rows = "model,provider,token_type,usd_per_mtok,valid_from,valid_to,source\n" + "".join(
        f"m{i},lab,{t},{p},{d},,https://lab.example\n" for i, (p, d) in enumerate(zip(prices, released))
        for t in ("input", "output"))
    ingest(location, "prices", write(tmp_path / "prices.csv", price_rows))
    ingest_indices(location, index_folder(tmp_path))
    return location


def epoch_reference(released: list[date], prices: list[float]) -> tuple[float, float, float]:
    """Epoch AI's method, written out independently: the running minimum, then least squares of
    log10(price) on days, then 10^(-365 slope) and its 90% interval."""
    kept = []
    for day, price in sorted(zip(released, prices)):
        if not kept or price < min(p for _, p in kept):
            kept.append((day, price))
    x = np.array([(d - date(1970, 1, 1)).days for d, _ in kept], dtype=float)
    y = np.log10([p for _, p in kept])
    slope, intercept = np.polyfit(x, y, 1)
    residual = y - (slope * x + intercept)
    se = sqrt((residual ** 2).sum() / (len(x) - 2) / ((x - x.mean()) ** 2).sum())
    t = T_95[len(x) - 2]
    return 10 ** (-365 * slope), 10 ** (-365 * (slope + t * se)), 10 ** (-365 * (slope - t * se))


def test_a_known_slope_is_recovered(new_warehouse, tmp_path):
    # Price halves every 122 days (two releases): a decline of 2^(365/122) a year, exactly.
    prices = [64 * 0.5 ** (i / 2) for i in range(7)]
    location = series_warehouse(new_warehouse, tmp_path, prices)
    ((factor, low, high, n),) = rows(location, f"""
        SELECT decline_factor_per_year, decline_factor_low, decline_factor_high, models_on_frontier
        FROM price_decline WHERE threshold = 'half-e1' AND with_reasoning AND as_of = {LATEST}""")
    assert n == 7
    assert factor == pytest.approx(2 ** (365 / 122), rel=1e-9)
    assert (low, high) == (pytest.approx(factor, rel=1e-6), pytest.approx(factor, rel=1e-6))


def test_the_interval_and_running_minimum_match_an_independent_implementation(new_warehouse, tmp_path):
    # Noisy prices, and two models dearer than one before them (they must be skipped).
    prices = [40.0, 33.0, 50.0, 12.0, 14.0, 9.0, 3.1, 2.5, 6.0, 0.9]
    location = series_warehouse(new_warehouse, tmp_path, prices)
    released = [date(2023, 2, 1) + timedelta(days=61 * i) for i in range(len(prices))]
    expected = epoch_reference(released, prices)
    ((factor, low, high, n),) = rows(location, f"""
        SELECT decline_factor_per_year, decline_factor_low, decline_factor_high, models_on_frontier
        FROM price_decline WHERE threshold = 'half-e1' AND with_reasoning AND as_of = {LATEST}""")
    assert n == 7  # 50, 14 and 6 were not cheaper than an earlier model
    assert factor == pytest.approx(expected[0], rel=1e-9)
    assert (low, high) == (pytest.approx(expected[1], rel=1e-5), pytest.approx(expected[2], rel=1e-5))  # t within 4e-5


def test_reasoning_models_are_left_out_of_the_other_fit(new_warehouse, tmp_path):
    prices = [40.0, 20.0, 10.0, 5.0, 2.0, 1.0]
    location = series_warehouse(new_warehouse, tmp_path, prices, reasoning_at={4})
    found = dict(rows(location, f"SELECT with_reasoning, models FROM price_decline WHERE threshold = 'half-e1' "
                            f"AND as_of = {LATEST}"))
    assert found == {True: "m0, m1, m2, m3, m4, m5", False: "m0, m1, m2, m3, m5"}


def test_one_model_on_the_frontier_gives_no_fit_rather_than_an_error(new_warehouse, tmp_path):
    location = series_warehouse(new_warehouse, tmp_path, [10.0])
    assert rows(location, f"""SELECT models_on_frontier, decline_factor_per_year, decline_factor_low
                              FROM price_decline WHERE threshold = 'half-e1' AND with_reasoning
                                AND as_of = {LATEST}""") == [(1, None, None)]


def test_a_lab_claim_meets_a_threshold_named_as_a_claim_and_a_measurement_is_the_evidence_before_one(metrics, tmp_path):
    # The house measured alpha-1 at 75 and llama-x at 25 on e1 (threshold: 50). A lab's own claims:
    # alpha-1 at 90, llama-x at 60. alpha-1 meets the level on the house's measurement (its best
    # score is the claim's 90); llama-x only on its lab's claim; a generated score counts for nothing.
    ingest(metrics, "aggregates", write(tmp_path / "claims.csv",
                                        "source,model,effort,evaluation,metric,mean,measured_at,provenance\n"
                                        "lab-claims,alpha-1,,e1,accuracy,0.9,2024-01-15,claimed\n"
                                        "lab-claims,llama-x,,e1,accuracy,0.6,2024-06-01,claimed\n"
                                        "demo-only,llama-x,,e2,accuracy,0.9,2024-06-01,generated\n"))
    found = {m: (s, e, p) for m, s, e, p in rows(metrics, """
        SELECT model, score, evidence, evidence_provenance FROM threshold_models
        WHERE threshold = 'half-e1' AND as_of = '2026-09-30'""")}
    assert found["alpha-1"] == (pytest.approx(90.0), "house", "measured")
    assert found["llama-x"] == (pytest.approx(60.0), "lab-claims", "claimed")
    # The file came in the house's native format: the appendix lists it as benchhouse, with its two claims.
    assert rows(metrics, "SELECT claimed_rows FROM sources_used WHERE source = 'benchhouse'") == [(2,)]


def test_among_equal_scores_the_evidence_is_the_first_to_publish_whatever_the_query_plan(metrics, tmp_path):
    # Three publishers measured beta-1 at the same 80 on e1 (before the house ran it, in July 2026):
    # the first to publish is the evidence,
    # and between two on the same day the source's name decides. Read with 1 thread and with 8, which
    # meet the rows in different orders: the evidence a report cites must not change with the plan.
    ingest(metrics, "aggregates", write(tmp_path / "ties.csv",
                                        "source,model,effort,evaluation,metric,mean,measured_at\n"
                                        "pub-c,beta-1,,e1,accuracy,0.8,2024-03-01\n"
                                        "pub-b,beta-1,,e1,accuracy,0.8,2024-05-01\n"
                                        "pub-a,beta-1,,e1,accuracy,0.8,2024-05-01\n"))
    query = """SELECT as_of, evidence FROM threshold_models
               WHERE threshold = 'half-e1' AND model = 'beta-1' AND as_of IN ('2024-03-31', '2026-06-30')"""
    con = connect(metrics, read_only=True, lock=False)  # lock=False: the thread count stays settable
    try:
        found = set()
        for threads in (1, 8, 8, 8):
            con.execute(f"SET threads = {threads}")
            found.add(tuple(sorted(con.execute(query).fetchall())))
    finally:
        con.close()
    assert found == {((date(2024, 3, 31), "pub-c"), (date(2026, 6, 30), "pub-c"))}
    ingest(metrics, "aggregates", write(tmp_path / "later.csv",
                                        "source,model,effort,evaluation,metric,mean,measured_at\n"
                                        "pub-c,beta-1,,e1,accuracy,0.8,2024-06-01\n"))
    # pub-c measured again later: its latest publication now dates it, so the two May ones come first.
    assert rows(metrics, query + " AND as_of = '2026-06-30'") == [(date(2026, 6, 30), "pub-a")]


def test_a_source_publishing_again_on_the_same_day_counts_its_later_batch_with_that_rows_error(metrics, tmp_path):
    # pub-d published beta-1 on e1 at 86.7 (se 1), then a corrected file the same day at 70 (se 3):
    # the later batch counts, its score with its own error, however many threads read it.
    for name, mean, se in (("first.csv", 0.867, 0.01), ("corrected.csv", 0.7, 0.03)):
        ingest(metrics, "aggregates", write(tmp_path / name,
                                            "source,model,effort,evaluation,metric,mean,std_error,measured_at\n"
                                            f"pub-d,beta-1,,e1,accuracy,{mean},{se},2024-03-01\n"))
    con = connect(metrics, read_only=True, lock=False)  # lock=False: the thread count stays settable
    try:
        found = set()
        for threads in (1, 8, 8, 8):
            con.execute(f"SET threads = {threads}")
            found |= set(con.execute("""SELECT score, std_error FROM eval_scores WHERE source = 'pub-d'
                                        AND model = 'beta-1' AND as_of = '2024-03-31'""").fetchall())
    finally:
        con.close()
    assert [(round(score, 6), round(se, 6)) for score, se in found] == [(70.0, 3.0)]
