"""The clustered interval macro (warehouse/macros/clustered_interval.sql) on numbers worked out by hand."""

from __future__ import annotations

import duckdb
import pytest

from warehouse.connection import MACROS


@pytest.fixture(scope="module")
def con():
    con = duckdb.connect()
    con.execute((MACROS / "clustered_interval.sql").read_text())
    return con


def interval(con, n, mean, sd, t975) -> dict:
    return con.execute("SELECT clustered_interval(?, ?, ?, ?)", [n, mean, sd, t975]).fetchone()[0]


def test_the_t_interval_over_question_means(con):
    # 10 question means with mean .6 and sample sd .5: se = .5 / √10 = .158114; t975(9) = 2.2622
    found = interval(con, 10, 0.6, 0.5, 2.2622)
    assert found["low"] == pytest.approx(0.6 - 2.2622 * 0.158114, abs=1e-6)
    assert found["high"] == pytest.approx(0.6 + 2.2622 * 0.158114, abs=1e-6)
    assert found["std_error"] == pytest.approx(0.158114, abs=1e-6)
    assert found["method"] == "clustered by question: t-interval over 10 question means"


@pytest.mark.parametrize("mean, low, high", [
    (0.0, 0.0, 1.96 ** 2 / (10 + 1.96 ** 2)),   # every question 0: [0, z²/(n + z²)] = [0, .2775]
    (1.0, 10 / (10 + 1.96 ** 2), 1.0),          # every question 1: [n/(n + z²), 1] = [.7225, 1]
])
def test_all_zero_or_all_one_gets_a_wilson_interval_never_a_point(con, mean, low, high):
    found = interval(con, 10, mean, 0.0, 2.2622)
    assert (found["low"], found["high"]) == pytest.approx((low, high))
    assert found["high"] > found["low"] and found["method"].startswith("Wilson")


def test_one_question_has_no_spread_and_gets_a_wilson_interval(con):
    found = interval(con, 1, 1.0, None, None)
    assert found["low"] == pytest.approx(1 / (1 + 1.96 ** 2)) and found["high"] == 1.0


def test_the_bounds_stay_within_zero_and_one(con):
    found = interval(con, 4, 0.9, 0.4, 3.1824)
    assert (found["low"], found["high"]) == (pytest.approx(0.9 - 3.1824 * 0.2), 1.0)
