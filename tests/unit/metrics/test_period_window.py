"""The period window: every figure as of a day counts only the runs started on or before it, so a
quarter's numbers do not move when later runs arrive (tests/fixtures/metrics: runs of July 2026)."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.conftest import rows, same, write
from warehouse.ingest import ingest

QUARTER_END = "2026-09-30"
BY_DATE = {
    "intelligence_index": 'SELECT * FROM intelligence_index WHERE as_of = ? ORDER BY ALL',
    "eval_scores": "SELECT * FROM eval_scores WHERE as_of = ? ORDER BY ALL",
    "cost_to_run": "SELECT * FROM cost_to_run WHERE as_of = ? ORDER BY ALL",
    "turn_efficiency": "SELECT * FROM turn_efficiency WHERE as_of = ? ORDER BY ALL",
    "pareto_frontier": "SELECT * FROM pareto_frontier WHERE as_of = ? ORDER BY ALL",
    "frontier_spend": "SELECT * FROM frontier_spend WHERE scores_as_of = ? ORDER BY ALL",
}


def a_fourth_repeat(tmp_path, started_at: str):
    """alpha-1 solves every task of e1, e2 and the agentic evaluation in a fourth repeat."""
    text = ("model,effort,provider,evaluation,repeat,task_id,score,input_tokens,answer_tokens,turns,solved,"
            "started_at,account\n"
            + "".join(f"alpha-1,,lab-a,{e},4,t{t},1,500,50,1,true,{started_at},anonymous\n"
                      for e in ("e1", "e2") for t in range(1, 5))
            + "".join(f"alpha-1,,lab-a,agent,4,t{t},1,500,50,2,true,{started_at},anonymous\n" for t in (1, 2)))
    return write(tmp_path / "repeat4.csv", text)


@pytest.mark.parametrize("view", BY_DATE)
def test_a_run_started_the_day_after_the_quarter_leaves_the_quarter_as_it_was(metrics, tmp_path, view):
    before = rows(metrics, BY_DATE[view], [QUARTER_END])
    assert before, f"{view} has no rows as of {QUARTER_END} to protect"
    ingest(metrics, "runs", a_fourth_repeat(tmp_path, "2026-10-01T00:00:00Z"))
    assert same(rows(metrics, BY_DATE[view], [QUARTER_END]), before)
    if view in ("intelligence_index", "eval_scores", "cost_to_run", "turn_efficiency"):
        assert rows(metrics, BY_DATE[view], ["2026-10-31"]) != rows(metrics, BY_DATE[view], [QUARTER_END])


def test_a_run_started_on_the_last_evening_of_the_quarter_counts_in_it(metrics, tmp_path):
    ingest(metrics, "runs", a_fourth_repeat(tmp_path, "2026-09-30T23:59:00Z"))
    ((repeats, score, through),) = rows(metrics, """
        SELECT n_repeats, score, runs_through FROM eval_scores
        WHERE model = 'alpha-1' AND evaluation = 'e1' AND source = 'house' AND as_of = ?""", [QUARTER_END])
    # Repeat means 2/4, 3/4, 4/4 and now 4/4.
    assert (repeats, score, through) == (4, pytest.approx(100 * 13 / 16), datetime(2026, 9, 30, 23, 59))


def test_runs_through_is_the_latest_start_counted(metrics):
    found = dict(rows(metrics, """SELECT as_of, max(runs_through) FROM eval_scores
                                  WHERE source = 'house' AND evaluation IN ('e1', 'e2') GROUP BY as_of"""))
    # The fixture's runs started on 1, 2 and 3 July 2026: nothing is counted before the month ends.
    assert min(found) == datetime(2026, 7, 31).date()
    assert set(found.values()) == {datetime(2026, 7, 3, 10, 0)}


def test_the_index_as_of_a_date_before_any_run_is_empty(metrics):
    assert rows(metrics, "SELECT count(*) FROM intelligence_index WHERE as_of = '2026-06-30'") == [(0,)]
    assert rows(metrics, "SELECT count(*) FROM cost_to_run WHERE as_of = '2026-06-30'") == [(0,)]
