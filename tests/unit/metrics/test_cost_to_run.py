"""cost_to_run, pareto_frontier and frontier_spend on the paper-checkable fixture."""

from __future__ import annotations

import pytest

from tests.conftest import rows, write
from warehouse.ingest import ingest


def cost(location, model, as_of, columns="total_usd"):
    found = rows(location, f"SELECT {columns} FROM cost_to_run WHERE model = ? AND as_of = ? AND version = '1'",
                 [model, as_of])
    assert len(found) == 1, found
    return found[0] if "," in columns else found[0][0]


def test_one_pass_is_priced_on_the_as_of_day_so_a_mid_quarter_cut_shows_from_then_on(metrics):
    # alpha-1, one pass: 2 evaluations x 4 tasks x 1000 input and 100 answer tokens; input $10/M
    # until 2026-08-15 and $5/M from then on, output $20/M throughout.
    assert cost(metrics, "alpha-1", "2026-07-31") == pytest.approx(8000 * 10 / 1e6 + 800 * 20 / 1e6)
    assert cost(metrics, "alpha-1", "2026-08-31") == pytest.approx(8000 * 5 / 1e6 + 800 * 20 / 1e6)
    assert cost(metrics, "alpha-1", "2026-09-30") == pytest.approx(8000 * 5 / 1e6 + 800 * 20 / 1e6)


def test_repeats_are_averaged_not_summed(metrics):
    input_tokens, answer_tokens, tokens_per_task = cost(
        metrics, "alpha-1", "2026-07-31", "input_tokens, answer_tokens, tokens_per_task")
    assert (input_tokens, answer_tokens) == (8000, 800)  # not 3 x 8000
    assert tokens_per_task == pytest.approx(0.5 * 4400 / 4 + 0.5 * 4400 / 4)


def test_cost_per_task_weights_each_evaluation_by_the_index(metrics):
    per_evaluation = (4000 * 10 + 400 * 20) / 1e6
    assert cost(metrics, "alpha-1", "2026-07-31", "cost_per_task") == pytest.approx(
        0.5 * per_evaluation / 4 + 0.5 * per_evaluation / 4)


def test_a_model_without_a_first_party_api_is_priced_at_the_provider_median(metrics):
    # llama-x (by meta) is sold by together at $1, fireworks at $3, deepinfra at $2: median $2.
    total, basis = cost(metrics, "llama-x", "2026-07-31", "total_usd, price_basis")
    assert basis == "provider median"
    assert total == pytest.approx((4000 * 2 + 400 * 2) / 1e6)
    assert cost(metrics, "alpha-1", "2026-07-31", "price_basis") == "first-party"


def test_a_reasoning_model_spends_most_of_its_cost_on_reasoning(metrics):
    # thinker-1: 10000 reasoning tokens per task, priced as output ($8/M), beside 1000 input ($2/M)
    # and 100 answer tokens.
    total, reasoning, output_tokens = cost(metrics, "thinker-1", "2026-07-31",
                                           "total_usd, reasoning_usd, output_tokens")
    assert reasoning == pytest.approx(8 * 10000 * 8 / 1e6)
    assert total == pytest.approx(8 * 1000 * 2 / 1e6 + 8 * 10000 * 8 / 1e6 + 8 * 100 * 8 / 1e6)
    assert reasoning / total > 0.95
    assert output_tokens == 8 * 10100


def test_no_price_on_the_day_means_no_cost_and_says_so(metrics, tmp_path):
    # gamma-1 ran in July 2026; its prices start on 2026-09-01: none is valid on 2026-07-31.
    ingest(metrics, "models", write(tmp_path / "m.csv", "model,creator,display_name,release_date\n"
                                                        "gamma-1,lab-c,Gamma 1,2026-06-01\n"))
    ingest(metrics, "runs", write(tmp_path / "r.csv", "model,effort,provider,evaluation,repeat,task_id,score,"
                                                      "input_tokens,answer_tokens,started_at,account\n"
                                  + "".join(f"gamma-1,,lab-c,{e},1,t1,1,10,1,2026-07-05T00:00:00Z,anonymous\n"
                                            for e in ("e1", "e2"))))
    ingest(metrics, "prices", write(tmp_path / "p.csv", "model,provider,token_type,usd_per_mtok,valid_from,source\n"
                                    "gamma-1,lab-c,input,1,2026-09-01,x\ngamma-1,lab-c,output,1,2026-09-01,x\n"))
    total, per_task, note = cost(metrics, "gamma-1", "2026-07-31", "total_usd, cost_per_task, price_note")
    assert (total, per_task) == (None, None)
    assert note == "no input and output price valid on 2026-07-31"
    assert cost(metrics, "gamma-1", "2026-09-30") is not None


def test_the_pareto_frontier_keeps_only_the_undominated(metrics):
    flags = dict(rows(metrics, """SELECT model, on_frontier FROM pareto_frontier
                                  WHERE version = '1' AND as_of = '2026-09-30'"""))
    # beta-1 (75 at $0.0192) beats alpha-1 (62.5 at $0.056) and thinker-1 (75 at $0.66);
    # llama-x is the cheapest of all.
    assert flags == {"beta-1": True, "llama-x": True, "alpha-1": False, "thinker-1": False}


def test_frontier_spend_follows_the_most_intelligent_model_available_each_month(metrics):
    # The index as measured by 2026-09-30 decides; each month, the models released by then compete.
    by_date = {str(d): (m, i) for d, m, i in rows(metrics, """
        SELECT as_of, model, "index" FROM frontier_spend
        WHERE version = '1' AND scores_as_of = '2026-09-30' AND as_of IN ('2024-03-31', '2025-03-31', '2025-07-31')""")}
    assert by_date["2024-03-31"][0] == "alpha-1"
    assert by_date["2025-03-31"][0] == "beta-1"
    assert by_date["2025-07-31"][0] == "beta-1"  # thinker-1 ties at 75 but came later
    ((spend, per_task),) = rows(metrics, """SELECT cost_to_run_usd, cost_per_task FROM frontier_spend
                                            WHERE version = '1' AND scores_as_of = '2026-09-30'
                                              AND as_of = '2025-03-31'""")
    assert spend == pytest.approx((16000 * 1 + 1600 * 2) / 1e6)
    assert per_task == pytest.approx(spend / 8)


def test_no_run_counted_after_scores_as_of(metrics):
    # The runs started in July 2026: as known on 2026-06-30 the house had measured nothing.
    assert rows(metrics, "SELECT count(*) FROM frontier_spend WHERE scores_as_of = '2026-06-30'") == [(0,)]
    assert rows(metrics, "SELECT count(*) FROM frontier_spend WHERE as_of > scores_as_of") == [(0,)]
