"""Issue 21, point 6: speeds that are measurements. On a fixture a reader can check on paper
(tests/fixtures/speed/*placeholders*): six models released 2025-01-01 (late: 2025-06-01); a board
giving five models 100 tok/s and 0.5 s on one day (a stand-in) and four 60 tok/s and 0.3 s (kept);
late measured a month before its release; alpha at 0.9 and at 12,000 tok/s; alpha at the lab
measured on 550-token prompts five at a time (72 tok/s), then on 20-token answers one at a time
(28, then 35); beta at the lab on 20-token answers (40), then on both workloads on one day."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports.formatting import workload
from tests.conftest import FIXTURES, built_once, rows
from warehouse.connection import Location
from warehouse.ingest import ingest

SPEED = FIXTURES / "speed"


@pytest.fixture(scope="module")
def measurements(new_warehouse, tmp_path_factory) -> Location:
    """Read only."""
    def build(root: Path) -> None:
        location = new_warehouse(root / "warehouse")
        ingest(location, "models", SPEED / "models_five_released_2025_and_one_in_june.csv")
        ingest(location, "performance", SPEED / "performance_placeholders_prerelease_implausible_and_two_workloads.csv")
    return Location.resolve(str(built_once(tmp_path_factory, "issue-21-speed", build) / "warehouse"))


def test_each_quarantined_measurement_is_listed_with_its_reason_and_provenance(measurements):
    assert rows(measurements, "SELECT reason, model, provider, measured_at::VARCHAR, source, run_ref FROM speed_anomalies "
                              "ORDER BY reason, model, provider") == [
        ("before release", "late", "host", "2025-05-01", "house", "may"),
        ("implausible", "alpha", "blazing", "2025-03-01", "board", "a-blazing"),
        ("implausible", "alpha", "slow", "2025-03-01", "board", "a-slow"),
        *[("repeated", m, "host", "2025-03-01", "board", ref)
          for m, ref in (("alpha", "a-host"), ("beta", "b-host"), ("delta", "d-host"), ("epsilon", "e-host"),
                         ("gamma", "c-host"))],
    ]
    assert rows(measurements, "SELECT count(DISTINCT batch_id) FROM speed_anomalies WHERE batch_id IS NOT NULL") == [(1,)]


def test_four_models_sharing_a_figure_are_not_a_placeholder(measurements):
    assert rows(measurements, "SELECT model, output_tokens_per_s FROM speed_as_of WHERE as_of = '2025-03-31' "
                              "AND provider = 'other' ORDER BY model") == [
        ("alpha", 60.0), ("beta", 60.0), ("delta", 60.0), ("gamma", 60.0)]


def test_no_view_reads_a_quarantined_measurement(measurements):
    # host's 100 tok/s of 1 March, the two implausible rates and late's May figure are gone.
    assert rows(measurements, "SELECT DISTINCT provider FROM speed_as_of WHERE as_of = '2025-03-31' ORDER BY 1") == [
        ("other",)]
    assert rows(measurements, "SELECT as_of::VARCHAR, output_tokens_per_s FROM speed_as_of WHERE model = 'late' "
                              "AND as_of <= '2025-06-30' ORDER BY as_of") == [("2025-06-30", 80.0)]
    assert rows(measurements, "SELECT measured_at::VARCHAR FROM ttft_measurements WHERE model = 'late'") == [
        ("2025-06-15",)]


def test_a_speed_carries_its_workload(measurements):
    assert rows(measurements, "SELECT model, workloads, prompt_tokens, output_tokens, concurrency, output_tokens_per_s "
                              "FROM speed_as_of WHERE as_of = '2025-06-30' AND provider = 'lab' ORDER BY model") == [
        ("alpha", 1, None, 20, 1, 35.0),
        ("beta", 2, None, None, None, 60.0),  # the median of 50 and 70, over two workloads
    ]


def test_a_trend_compares_one_source_on_one_workload(measurements):
    # alpha: 72 tok/s on 550-token prompts five at a time in April, then 28 and 35 on 20-token
    # answers one at a time: the change is 35 / 28 since May, not 35 / 72 since April. beta's June
    # figure mixes two workloads: it compares with nothing.
    assert rows(measurements, "SELECT model, first_measured_at::VARCHAR, first_output_tokens_per_s, output_tokens_per_s, "
                              "measurement_days, change FROM speed_trend WHERE as_of = '2025-06-30' AND provider = 'lab' "
                              "ORDER BY model") == [
        ("alpha", "2025-05-10", 28.0, 35.0, 2, pytest.approx(35 / 28)),
        ("beta", "2025-06-10", 60.0, 60.0, 1, 1.0),
    ]
    assert rows(measurements, "SELECT first_output_tokens_per_s, change FROM speed_trend WHERE as_of = '2025-04-30' "
                              "AND model = 'alpha' AND provider = 'lab'") == [(72.0, 1.0)]


@pytest.mark.parametrize("row, said", [
    ({"workloads": 1, "prompt_tokens": 550, "output_tokens": 150, "concurrency": 5},
     "550-token prompts, 150 output tokens, 5 requests at a time"),
    ({"workloads": 1, "prompt_tokens": None, "output_tokens": 20, "concurrency": 1},
     "prompt length not stated, 20 output tokens, 1 request at a time"),
    ({"workloads": 1, "prompt_tokens": None, "output_tokens": None, "concurrency": None}, "workload not stated"),
    ({"workloads": 2, "prompt_tokens": None, "output_tokens": None, "concurrency": None}, "mixed workloads"),
])
def test_every_speed_says_its_workload(row, said):
    assert workload(row) == said


def test_one_stand_in_figure_is_left_out_and_the_measured_one_kept(new_warehouse, tmp_path):
    """A board gives epsilon one time to first token (0.65 s) at five providers whose speeds differ (30 to
    70 tok/s): the speeds are measured, the time is its stand-in. It gives five models 42 tok/s on another
    day, each with its own time to first token: there the speed is the stand-in. Both figures stand-ins
    (hyperbolic: 42 and 0.65): the row is left out whole."""
    from tests.conftest import write

    location = new_warehouse(tmp_path / "warehouse")
    ingest(location, "models", SPEED / "models_five_released_2025_and_one_in_june.csv")
    head = "model,provider,measured_at,statistic,output_tokens_per_s,ttft_s,source,run_ref\n"
    same_ttft = "".join(f"epsilon,p{i},2025-04-01,point,{30 + 10 * i},0.65,board,e{i}\n" for i in range(5))
    same_speed = "".join(f"{m},x,2025-07-01,point,42,0.{i + 1},board,{m}-x\n"
                         for i, m in enumerate(("alpha", "beta", "gamma", "delta", "late")))
    both = "epsilon,hyperbolic,2025-04-01,point,42,0.65,board,e-h\nalpha,y,2025-04-01,point,42,0.9,board,a-y\n" \
           "beta,y,2025-04-01,point,42,0.8,board,b-y\ngamma,y,2025-04-01,point,42,0.7,board,c-y\n" \
           "delta,y,2025-04-01,point,42,0.6,board,d-y\n"
    ingest(location, "performance", write(tmp_path / "performance.csv", head + same_ttft + same_speed + both))
    checked = rows(location, """SELECT model, provider, output_tokens_per_s, ttft_s, reason FROM speed_checked
                                ORDER BY measured_at, model, provider""")
    assert checked == [
        ("alpha", "y", None, 0.9, None), ("beta", "y", None, 0.8, None), ("delta", "y", None, 0.6, None),
        ("epsilon", "hyperbolic", 42.0, 0.65, "repeated"),
        *[("epsilon", f"p{i}", 30.0 + 10 * i, None, None) for i in range(5)],
        ("gamma", "y", None, 0.7, None),
        *[(m, "x", None, t, None) for m, t in (("alpha", 0.1), ("beta", 0.2), ("delta", 0.4), ("gamma", 0.3), ("late", 0.5))],
    ]
    (detail,) = rows(location, "SELECT detail FROM speed_checked WHERE model = 'epsilon' AND provider = 'p0'")[0]
    assert detail == "time to first token left out: 0.65 s given to 6 providers of this model by board on 2025-04-01"
    assert rows(location, "SELECT count(*) FROM ttft_measurements WHERE model = 'epsilon'") == [(0,)]
