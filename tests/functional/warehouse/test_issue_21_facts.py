"""Issue 21, stated as queries over the demo warehouse. Point 5: every interval is Student's t at the
degrees of freedom it was computed with, its half-width divided by its standard error; the
index's too, at its Welch-Satterthwaite df as computed. Before, every house score and every index
interval of the demo (df 31 to 404) used the normal 1.96."""

from __future__ import annotations

import pytest

from tests.conftest import rows
from tests.student_t import quantile

AS_OF = "DATE '2026-09-30'"


def ratios(location, query: str) -> list[tuple[float, float]]:
    """(df, half-width / std_error) of every interval the query names, unclamped: a bound at 0 or
    100 is not half the interval."""
    found = rows(location, query)
    assert len(found) >= 20, query
    return found


def test_every_house_scores_interval_is_t_at_questions_minus_one(demo_warehouse):
    found = ratios(demo_warehouse, f"""
        SELECT df, (ci_high - score) / std_error FROM eval_scores
        WHERE as_of = {AS_OF} AND source = 'house' AND ci_method LIKE 'clustered by question%'
          AND ci_low > 0 AND ci_high < 100 AND std_error > 0""")
    t = {df: quantile(0.975, df) for df in {df for df, _ in found}}
    assert max(t) > 30  # the degrees of freedom where the table used 1.96
    assert all(ratio == pytest.approx(t[df], abs=4e-5) for df, ratio in found)


def test_every_index_interval_is_t_at_its_welch_satterthwaite_df(demo_warehouse):
    found = ratios(demo_warehouse, f"""
        SELECT df, (ci_high - "index") / std_error FROM intelligence_index
        WHERE as_of = {AS_OF} AND complete AND ci_low > 0 AND ci_high < 100 AND std_error > 0""")
    assert all(ratio == pytest.approx(quantile(0.975, df), abs=4e-5) for df, ratio in found)


def test_no_v3_interval_uses_the_normal_quantile(demo_warehouse):
    ((low_df, widest_t),) = rows(demo_warehouse, f"""
        SELECT min(df), max((ci_high - "index") / std_error) FROM intelligence_index
        WHERE as_of = {AS_OF} AND complete AND version = '3' AND ci_high < 100""")
    assert 100 < low_df < 120  # about 110: the variant with the fewest degrees of freedom
    assert widest_t == pytest.approx(quantile(0.975, low_df), abs=4e-5) and widest_t > 1.98


def test_the_newest_model_of_every_coverage_line_is_dated_and_the_newest_complete(demo_warehouse):
    """Issue 21, point 1 (in part): the cover's coverage sentence names a model whose release date is
    the newest among the complete models, and prints that model's own date."""
    found = rows(demo_warehouse, f"""
        SELECT c.version, m.release_date, c.newest_release,
               (SELECT max(d.release_date) FROM intelligence_index i JOIN models d USING (model)
                WHERE i.complete AND i.index_id = c.index_id AND i.version = c.version AND i.as_of = c.as_of)
        FROM coverage c JOIN models m ON m.model = c.newest_model
        WHERE c.as_of = {AS_OF}""")
    assert {version for version, *_ in found} >= {"1", "2", "3"}
    assert all(own is not None and own == printed == newest for _, own, printed, newest in found), found


def test_no_cached_read_in_use_copies_the_input_price_of_a_creator_that_discounts_it(demo_warehouse):
    """Issue 21, point 3 (in part), as a query: on no day is a cached-input price in use at a
    creator's own API equal to its input price there, where that creator discounts cached input in
    another price in use. Claude 3.5 Haiku's copied $0.80 (LiteLLM, March to May 2025) was one."""
    ((copied,),) = rows(demo_warehouse, """
        WITH own AS (
            SELECT p.as_of, p.model, m.creator, p.usd_per_mtok AS cached, i.usd_per_mtok AS input
            FROM price_as_of p
            JOIN models m ON m.model = p.model AND m.creator = p.provider
            JOIN price_as_of i ON i.as_of = p.as_of AND i.model = p.model AND i.provider = p.provider
             AND i.token_type = 'input'
            WHERE p.token_type = 'cached_input' AND p.usd_per_mtok > 0)
        SELECT count(*) FROM own c
        WHERE c.cached = c.input AND c.creator IN (SELECT creator FROM own WHERE cached < input)""")
    assert copied == 0
    ((haiku,),) = rows(demo_warehouse, """
        SELECT usd_per_mtok FROM price_as_of WHERE model = 'claude-3-5-haiku-20241022' AND provider = 'anthropic'
        AND token_type = 'cached_input' AND as_of = DATE '2025-03-31'""")
    assert haiku == pytest.approx(0.08)


def test_a_cost_per_solved_task_over_several_evaluations_is_over_the_versions_own_and_named(demo_reads):
    """Issue 21, point 9, as a query: every mean cost per solved task in model_standing is the mean of
    turn_efficiency's, one per agentic evaluation of the index version, every one of them present,
    and solved_task_evaluations names them. Read through the session's handle, as the reports read
    model_standing (computed once)."""
    demo_reads.handle.share_views()
    found = demo_reads.handle.con.execute(f"""
        WITH agentic AS (
            SELECT ie.version, ie.evaluation, e.name FROM index_evaluations ie JOIN evaluations e USING (evaluation)
            WHERE ie.index_id = 'intelligence' AND e.kind = 'agentic')
        SELECT s.version, s.model, s.effort, s.mean_cost_per_solved_task, s.solved_task_evaluations,
               (SELECT string_agg(name, ', ' ORDER BY name) FROM agentic a WHERE a.version = s.version),
               (SELECT avg(t.cost_per_solved_task) FROM turn_efficiency t JOIN agentic a USING (evaluation)
                WHERE a.version = s.version AND t.as_of = s.as_of AND t.model = s.model AND t.effort = s.effort),
               (SELECT count(t.cost_per_solved_task) FROM turn_efficiency t JOIN agentic a USING (evaluation)
                WHERE a.version = s.version AND t.as_of = s.as_of AND t.model = s.model AND t.effort = s.effort)
               = (SELECT count(*) FROM agentic a WHERE a.version = s.version)
        FROM model_standing s WHERE s.index_id = 'intelligence' AND s.as_of = {AS_OF}""").fetchall()
    assert sum(mean is not None for _, _, _, mean, *_ in found) >= 20
    for version, model, effort, mean, named, versions_own, expected, every_one in found:
        assert named == versions_own, (version, model, effort)
        assert (mean is None) == (versions_own is None or not every_one)  # a version without one: none
        assert mean is None or mean == pytest.approx(expected)


def test_no_retired_model_is_priced_or_on_a_private_pareto_set(demo_tenant_reads):
    """Issue 21, point 4, as a query over the demo tenant: on no date is a model its creator had
    retired (the public model_lifecycle, the one rule) given a monthly cost, put on the Pareto set or
    named the cheapest of the best. Gemini 2.0 Flash, shut down on 1 Jun 2026, sat on the Pareto
    set "from $142 a month"."""
    ((retired, offered),) = demo_tenant_reads.execute("""
        SELECT count(*), count(*) FILTER (WHERE c.usd_per_month IS NOT NULL OR c.on_pareto OR c.cheapest_of_the_best)
        FROM private_candidates c
        JOIN bh.model_lifecycle l ON l.model = c.model AND l.as_of = c.as_of
        WHERE l.status = 'retired'""").fetchall()
    ((gemini,),) = demo_tenant_reads.execute("""SELECT any_value(lifecycle) FROM private_candidates
                                                WHERE model = 'gemini-2.0-flash-001' AND as_of = DATE '2026-09-30'""").fetchall()
    assert retired >= 2 and offered == 0 and gemini == "retired"
