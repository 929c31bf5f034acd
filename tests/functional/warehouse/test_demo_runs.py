"""The demo's generated house runs over the whole demo warehouse: more effort never spends fewer
tokens, no run starts before its model was released, every variant LiveBench scores gets a v3 index,
and v3 covers 2026's frontier (the issue's done-when checks, as of 2026-09-30)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from tests.conftest import rows

LEVELS = ("none", "minimal", "low", "medium", "high", "xhigh", "max")
V3 = ("livebench-reasoning", "livebench-language", "livebench-mathematics", "livebench-coding",
      "livebench-agentic-coding")
CREATORS = ("openai", "anthropic", "google", "deepseek", "xai", "alibaba", "moonshotai")


def _order(effort: str) -> tuple[str, float] | None:
    """Where an effort stands: on the levels, or among thinking budgets by size; None for the
    efforts no order ranks ('default', 'thinking')."""
    if effort in LEVELS:
        return "level", LEVELS.index(effort)
    if effort.startswith("budget-"):
        return "budget", float(effort.removeprefix("budget-").removesuffix("k"))
    return None


@pytest.fixture(scope="module")
def generated_tokens(demo_warehouse) -> dict[tuple, list[tuple]]:
    """(model, evaluation, chain) -> [(place, effort, mean reasoning + answer, mean reasoning)]."""
    found = defaultdict(list)
    for model, effort, evaluation, output, reasoning in rows(demo_warehouse, """
            SELECT r.model, r.effort, r.evaluation, avg(t.reasoning_tokens + t.answer_tokens), avg(t.reasoning_tokens)
            FROM task_results t JOIN eval_runs r USING (run_id) JOIN ingest_batches b ON b.batch_id = r.batch_id
            WHERE b.generated GROUP BY ALL"""):
        place = _order(effort)
        if place:
            found[model, evaluation, place[0]].append((place[1], effort, output, reasoning))
    return {key: sorted(found[key]) for key in found if len(found[key]) > 1}


def test_more_effort_never_spends_fewer_tokens_for_any_model_and_evaluation(generated_tokens):
    assert len(generated_tokens) > 100  # models with several efforts on one evaluation
    broken = [(model, evaluation, lower[1], higher[1], lower[2], higher[2])
              for (model, evaluation, _), chain in generated_tokens.items()
              for lower, higher in zip(chain, chain[1:])
              if higher[2] < lower[2] or higher[3] < lower[3]]
    assert broken == []


def test_gpt5_high_spends_more_than_medium_and_claude_37s_64k_budget_more_than_16k(generated_tokens):
    # The two cases: GPT-5 at high spent fewer tokens than at medium; Claude 3.7 Sonnet with a
    # 64k thinking budget fewer than with 16k.
    gpt5 = {e: out for _, e, out, _ in generated_tokens["gpt-5-2025-08-07", "otis-mock-aime", "level"]}
    assert gpt5["high"] > gpt5["medium"]
    sonnet = {e: out for _, e, out, _ in generated_tokens["claude-3-7-sonnet-20250219", "gpqa-diamond", "budget"]}
    assert sonnet["budget-64k"] > sonnet["budget-16k"]


def test_no_generated_run_starts_before_its_model_was_released_or_its_questions_were_public(demo_warehouse):
    assert rows(demo_warehouse, """
        SELECT r.model, r.evaluation, min(r.started_at), any_value(m.release_date)
        FROM eval_runs r JOIN models m ON m.model = r.model JOIN ingest_batches b ON b.batch_id = r.batch_id
        WHERE b.generated AND CAST(r.started_at AS DATE) < m.release_date GROUP BY ALL""") == []
    assert rows(demo_warehouse, """
        SELECT min(r.started_at) >= TIMESTAMP '2026-01-08' FROM eval_runs r
        WHERE r.evaluation LIKE 'livebench-%'""") == [(True,)]
    # A model released late in the quarter has runs before its end, none before its release.
    assert rows(demo_warehouse, """
        SELECT min(r.started_at) > TIMESTAMP '2026-06-30', max(r.started_at) < TIMESTAMP '2026-09-30'
        FROM eval_runs r WHERE r.model = 'claude-sonnet-5'""") == [(True, True)]


def test_every_variant_livebench_scores_on_v3s_evaluations_has_a_complete_v3_index(demo_warehouse):
    scored = set(rows(demo_warehouse, """
        SELECT model, effort FROM published_aggregates WHERE source = 'livebench' AND evaluation IN (SELECT unnest(?))
        GROUP BY ALL HAVING count(DISTINCT evaluation) = 5""", [list(V3)]))
    indexed = set(rows(demo_warehouse, """SELECT model, effort FROM intelligence_index
                                          WHERE version = '3' AND as_of = DATE '2026-09-30' AND complete"""))
    assert len(scored) > 100 and scored <= indexed


def test_v3_covers_the_2026_frontier_of_every_major_lab_and_a_2026_model_leads(demo_warehouse):
    complete = rows(demo_warehouse, """
        SELECT DISTINCT i.model, m.creator FROM intelligence_index i JOIN models m USING (model)
        WHERE i.version = '3' AND i.as_of = DATE '2026-09-30' AND i.complete
          AND m.release_date BETWEEN DATE '2026-01-01' AND DATE '2026-12-31'""")
    assert len(complete) >= 25
    assert set(CREATORS) <= {creator for _, creator in complete}
    ((leader, released),) = rows(demo_warehouse, """
        SELECT i.model, m.release_date FROM intelligence_index i JOIN models m USING (model)
        WHERE i.version = '3' AND i.as_of = DATE '2026-09-30' AND i.complete
        ORDER BY i."index" DESC LIMIT 1""")
    assert released.year == 2026, leader
    assert released <= date(2026, 9, 30)


def test_the_price_of_the_livebench_level_keeps_falling_after_august_2025(demo_warehouse):
    # The GPQA and MATH levels rest on Epoch AI's hub, which measured no model after August 2025; the
    # LiveBench level is met on LiveBench's own measurements of the models of 2025 and 2026.
    ((level, reference),) = rows(demo_warehouse, """SELECT min_score, reference_model FROM intelligence_thresholds
                                                    WHERE threshold = 'claude-sonnet-4-livebench-reasoning'""")
    prices = dict(rows(demo_warehouse, """
        SELECT as_of, blended_usd_per_mtok FROM price_of_intelligence
        WHERE threshold = 'claude-sonnet-4-livebench-reasoning' AND scores_as_of = DATE '2026-09-30'
          AND as_of IN (DATE '2025-08-31', DATE '2026-09-30')"""))
    assert prices[date(2026, 9, 30)] < prices[date(2025, 8, 31)]
    ((model, released, best, evidence),) = rows(demo_warehouse, """
        SELECT p.model, m.release_date, max(100 * a.mean), any_value(q.evidence)
        FROM price_of_intelligence p JOIN models m USING (model)
        JOIN published_aggregates a ON a.model = p.model AND a.source = 'livebench' AND a.evaluation = 'livebench-reasoning'
        JOIN threshold_models q ON q.model = p.model AND q.threshold = p.threshold AND q.as_of = p.scores_as_of
        WHERE p.threshold = 'claude-sonnet-4-livebench-reasoning' AND p.scores_as_of = DATE '2026-09-30'
          AND p.as_of = DATE '2026-09-30' GROUP BY ALL""")
    assert released > date(2025, 8, 31) and best >= level and evidence == "livebench", model
    assert rows(demo_warehouse, """SELECT smile_threshold FROM report_policies WHERE version = '3'""") == \
        [("claude-sonnet-4-livebench-reasoning",)]
    assert reference == "claude-sonnet-4-20250514"


def test_every_rank_is_one_plus_the_variants_wholly_above_it(demo_warehouse):
    """Every version and date: a rank is 1 + the complete variants whose interval lies wholly above."""
    wrong = rows(demo_warehouse, """
        SELECT a.version, a.as_of, a.model, a.effort, a.rank, count(b.model) AS above
        FROM intelligence_index a
        LEFT JOIN intelligence_index b ON b.index_id = a.index_id AND b.version = a.version AND b.as_of = a.as_of
             AND b.complete AND b.ci_low > a.ci_high
        WHERE a.complete
        GROUP BY ALL
        HAVING a.rank <> 1 + count(b.model)""")
    assert wrong == []
    assert rows(demo_warehouse, "SELECT count(*) FROM intelligence_index WHERE complete")[0][0] > 1000


def test_the_report_policys_creators_are_creators_in_the_warehouse(demo_warehouse):
    """A known creator the warehouse spells otherwise drops its models from the default sets and from
    coverage_gaps without a word (Moonshot's models are moonshotai's)."""
    import yaml

    from tests.conftest import ROOT

    policy = yaml.safe_load((ROOT / "warehouse" / "indices" / "report-policy.yaml").read_text())
    known = set(policy["openness_defaults"]["known_creators"])
    present = {r[0] for r in rows(demo_warehouse, "SELECT DISTINCT creator FROM models")}
    assert known - present == set()


def test_coverage_names_every_2026_model_of_the_v3_frontier_that_v1_cannot_score(demo_warehouse):
    frontier = {r[0] for r in rows(demo_warehouse, """
        SELECT DISTINCT i.model FROM intelligence_index i JOIN models m USING (model)
        WHERE i.version = '3' AND i.as_of = DATE '2026-09-30' AND i.complete AND m.release_date >= DATE '2026-01-01'""")}
    scored_v1 = {r[0] for r in rows(demo_warehouse, """
        SELECT model FROM intelligence_index WHERE version = '1' AND as_of = DATE '2026-09-30' AND complete""")}
    gaps = {r[0] for r in rows(demo_warehouse, """
        SELECT model FROM coverage_gaps WHERE version = '1' AND as_of = DATE '2026-09-30'""")}
    assert len(frontier - scored_v1) >= 25
    assert frontier - scored_v1 <= gaps
    (said,) = rows(demo_warehouse, """SELECT notable_without_index FROM coverage
                                      WHERE version = '1' AND as_of = DATE '2026-09-30'""")
    assert said[0] == len(gaps)
