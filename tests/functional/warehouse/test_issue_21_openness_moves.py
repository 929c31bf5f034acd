"""Issue 21, point 7, stated over the demo warehouse for the Openness Index: a quarter's move is an
openness change only when both scores rest on the same basis (the same source, and for each component
the same criteria of it), and it is taken on the components both share; a change of source or of
coverage is said as such. Before, 234 of 289 moves compared scores on different numbers of components,
and in 2026Q3 every move was a score derived from EOSAI or MOF replaced by the house's own assessment,
the largest of them named "the largest move" on the findings page."""

from __future__ import annotations

import calendar
from datetime import date

import pytest

from tests.conftest import rows
from tests.functional.reports.readback import html_text, table_rows

LEVELS = ("weights_access", "weights_licence", "data_access", "data_licence", "methodology", "training_code")


def three_months_before(day: date) -> date:
    """The last day of the month three months before day's."""
    year, month = divmod(day.year * 12 + day.month - 1 - 3, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def expected_moves(location) -> dict[tuple, tuple]:
    """(index_id, version, as_of, model) -> (kind, change), recomputed from openness_index_as_of alone."""
    scores = {(i, v, a, m): (src, dict(zip(LEVELS, levels)), assessed)
              for i, v, a, m, src, assessed, *levels in rows(location, f"""
                  SELECT index_id, version, as_of, model, derived_from, assessed, {', '.join(LEVELS)}
                  FROM openness_index_as_of""")}
    found = {}
    for (index_id, version, as_of, model), (source, levels, assessed) in scores.items():
        before = scores.get((index_id, version, three_months_before(as_of), model))
        if before is None:
            found[index_id, version, as_of, model] = ("new", None)
            continue
        old_source, old_levels, old_assessed = before
        if old_source != source:
            found[index_id, version, as_of, model] = ("source", None)
            continue
        if old_levels == levels:
            continue  # nothing a reader would see moved
        shared = [c for c in LEVELS if c in assessed and assessed[c] == old_assessed.get(c)]
        move = sum(levels[c] - old_levels[c] for c in shared)
        if any(levels[c] != old_levels[c] for c in shared):
            found[index_id, version, as_of, model] = ("openness", pytest.approx(round(100 * move / 18, 2)))
        else:
            found[index_id, version, as_of, model] = ("coverage", None)
    return found


def test_no_row_counted_as_an_openness_change_compares_two_bases(demo_warehouse):
    reported = rows(demo_warehouse, """
        SELECT c.index_id, c.version, c.as_of, c.model, c.kind, c.change, c.moved,
               b.derived_from = n.derived_from AS same_source, b.assessed AS before, n.assessed AS after
        FROM openness_change c
        JOIN openness_index_as_of n USING (index_id, version, as_of, model)
        LEFT JOIN openness_index_as_of b ON b.index_id = c.index_id AND b.version = c.version AND b.model = c.model
                                         AND b.as_of = c.previous_as_of""")
    assert {r[7] for r in reported if r[4] == "openness"} <= {True}  # an openness change never spans two sources
    names = dict(rows(demo_warehouse, "SELECT name, component FROM openness_components"))
    for *_, kind, _, moved, _, before, after in reported:
        for m in moved if kind == "openness" else []:  # ... nor a component resting on other criteria
            assert before[names[m["component"]]] == after[names[m["component"]]]
    assert {tuple(r[:4]): (r[4], r[5]) for r in reported} == expected_moves(demo_warehouse)
    kinds = {r[4] for r in reported}
    assert {"source", "coverage", "new"} <= kinds  # the demo has changes of basis of both kinds


def test_the_openness_report_says_which_kind_each_move_is(rendered, demo_warehouse):
    files, _ = rendered("openness-index", "globex-health")  # rendered for test_reports too: once a session
    quarter = rows(demo_warehouse, """
        SELECT DISTINCT c.display_name, c.kind, c.change, c.basis
        FROM openness_change c
        JOIN report_policies p ON p.openness_index_id = c.index_id AND p.openness_version = c.version
        WHERE c.as_of = DATE '2026-09-30' AND c.previous_as_of = DATE '2026-06-30' AND c.kind <> 'new'""")
    assert quarter
    text = " ".join(html_text(files["html"]).split())
    cells = {r[0]: r for r in table_rows(files["pptx"], "This quarter against the last")[1:]}
    assert len(cells.keys() & {r[0] for r in quarter}) == min(14, len(quarter))  # moves come before first scores
    for name, kind, change, basis in quarter:
        row = cells.get(name)
        if row and kind == "openness":
            assert row[3] == f"{change:+.1f}"
        elif row:
            assert row[3] == "none counted"
            assert row[4].startswith(f"change of {kind}, not of openness")
        if row and kind == "source":
            assert row[4].endswith(basis) and basis in text
    moved = [r for r in quarter if r[1] == "openness"]
    if moved:  # the largest is one of them, by its change on the components both scores share
        assert any(f"the largest move: {name}, {change:+.1f} points" in text for name, _, change, _ in moved)
    else:
        assert "largest move" not in text
    sources = [r for r in quarter if r[1] == "source"]
    if sources:  # named first among the changes of basis, three at most
        assert "changed basis, not openness, and" in text
        assert sum(f"{name} {basis}" in text for name, _, _, basis in sources) == min(3, len(sources))
