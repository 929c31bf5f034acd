"""Issue 21, point 7: a framework's change between editions is computed on the indicators both
editions share, or not shown, and says which. developer_transparency subtracted one FMTI edition's
total from the next, though FMTI replaced its indicator set in 2025 and its scores compare within
one set only.

tests/fixtures/fmti_editions_four_shared_then_one.csv, on paper:

- lab-a, 2023-10: Data size 1, Data sources 0, Compute usage 0, Model license 0, Energy usage 1:
  total 2/5 = 40. 2024-05: Data size 1, Data sources 1, "Compute  usage " 0 (the same indicator,
  spaced differently), Model license 0, Usage policy 0: total 2/5 = 40. The totals say no change;
  on the four indicators both editions share, 1/4 = 25 became 2/4 = 50: +25.
- lab-b, 2024-05 as lab-a's but Data sources 0 (total 20), then 2025-12: Data size, Data
  acquisition methods, Model architecture, Usage data (total 3/4 = 75). One indicator shared, fewer
  than half of either edition's: not comparable, though the totals differ by 55.
- lab-c: only 2025-12, nothing to compare with.
"""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, rows
from warehouse.ingest import ingest

EDITIONS = FIXTURES / "fmti_editions_four_shared_then_one.csv"


@pytest.fixture
def assessed(empty):
    ingest(empty, "developer-assessments", EDITIONS)
    return empty


def test_the_change_is_taken_on_the_indicators_both_editions_share(assessed):
    ((total, previous_total, change),) = rows(assessed, """
        SELECT total, previous_total, change FROM developer_transparency
        WHERE creator = 'lab-a' AND as_of = DATE '2024-12-31'""")
    assert (total, previous_total) == (40, 40)  # each edition's own total stays as published
    assert change == pytest.approx(25)  # not 40 - 40
    ((shared, before, after, basis),) = rows(assessed, """
        SELECT shared_indicators, previous_shared_score, shared_score, change_basis FROM developer_transparency
        WHERE creator = 'lab-a' AND as_of = DATE '2024-12-31'""")
    assert (shared, before, after) == (4, pytest.approx(25), pytest.approx(50))
    assert basis == "on the 4 indicators both editions share"


def test_editions_sharing_fewer_than_half_their_indicators_show_no_change_and_say_why(assessed):
    ((edition, previous, total, previous_total, change),) = rows(assessed, """
        SELECT edition, previous_edition, total, previous_total, change FROM developer_transparency
        WHERE creator = 'lab-b' AND as_of = DATE '2025-12-31'""")
    assert (edition, previous, total, previous_total) == ("2025-12", "2024-05", 75, 20)
    assert change is None  # not 75 - 20
    ((shared, before, after, basis),) = rows(assessed, """
        SELECT shared_indicators, previous_shared_score, shared_score, change_basis FROM developer_transparency
        WHERE creator = 'lab-b' AND as_of = DATE '2025-12-31'""")
    assert (shared, before, after) == (1, None, None)
    assert basis == "not comparable: the editions share 1 of 5 indicators"


def test_a_first_edition_has_no_change_and_no_basis(assessed):
    assert rows(assessed, """
        SELECT previous_edition, shared_indicators, change, change_basis FROM developer_transparency
        WHERE creator = 'lab-c' AND as_of = DATE '2025-12-31'""") == [(None, None, None, None)]
