"""The clustered interval macro (warehouse/macros/020_clustered_interval.sql) on numbers worked out by hand:
its t is question_t975(n), Student's t at n - 1 degrees of freedom (within 4e-5, warehouse/macros/010_student_t.sql)."""

from __future__ import annotations

import pytest

from warehouse.connection import catalogless


@pytest.fixture(scope="module")
def con():
    con = catalogless()  # the macros every warehouse connection gets
    yield con
    con.close()


def interval(con, n, mean, sd) -> dict:
    return con.execute("SELECT clustered_interval(?, ?, ?)", [n, mean, sd]).fetchone()[0]


def test_the_t_interval_over_question_means(con):
    # 10 question means with mean .6 and sample sd .5: se = .5 / √10 = .158114; t975(9) = 2.2622
    found = interval(con, 10, 0.6, 0.5)  # t within 4e-5: the bounds within 4e-5 x .158
    assert found["low"] == pytest.approx(0.6 - 2.2622 * 0.158114, abs=1e-5)
    assert found["high"] == pytest.approx(0.6 + 2.2622 * 0.158114, abs=1e-5)
    assert found["std_error"] == pytest.approx(0.158114, abs=1e-6)
    assert found["method"] == "clustered by question: t-interval over 10 question means"


@pytest.mark.parametrize("mean, low, high", [
    (0.0, 0.0, 1.96 ** 2 / (10 + 1.96 ** 2)),   # every question 0: [0, z²/(n + z²)] = [0, .2775]
    (1.0, 10 / (10 + 1.96 ** 2), 1.0),          # every question 1: [n/(n + z²), 1] = [.7225, 1]
])
def test_all_zero_or_all_one_gets_a_wilson_interval_never_a_point(con, mean, low, high):
    found = interval(con, 10, mean, 0.0)
    assert (found["low"], found["high"]) == pytest.approx((low, high))
    assert found["high"] > found["low"] and found["method"].startswith("Wilson")


def test_one_question_has_no_spread_and_gets_a_wilson_interval(con):
    found = interval(con, 1, 1.0, None)
    assert found["low"] == pytest.approx(1 / (1 + 1.96 ** 2)) and found["high"] == 1.0


def test_the_bounds_stay_within_zero_and_one(con):
    found = interval(con, 4, 0.9, 0.4)  # t975(3) = 3.182446, which the macro gives exactly at 1 to 4 df
    assert (found["low"], found["high"]) == (pytest.approx(0.9 - 3.182446 * 0.2), 1.0)


def test_the_form_the_views_of_earlier_snapshots_call_still_binds(con):
    """Views of a snapshot taken before the macro chose its own t passed t975 as a fourth argument;
    read as it was (--snapshot), such a view calls that form, which gives the interval at that t."""
    old = con.execute("SELECT clustered_interval(10, 0.6, 0.5, 2.2622)").fetchone()[0]
    assert old["low"] == pytest.approx(0.6 - 2.2622 * 0.158114, abs=1e-6)
    assert old["method"] == interval(con, 10, 0.6, 0.5)["method"]
