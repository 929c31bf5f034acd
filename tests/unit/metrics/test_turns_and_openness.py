"""turn_efficiency and openness_index on small fixtures."""

from __future__ import annotations

import pytest

from tests.conftest import rows, write
from warehouse.ingest import ingest

OPENNESS_HEADER = "model,framework,component,level,evidence_url,assessed_at\n"
COMPONENTS = ("weights_access", "weights_licence", "data_access", "data_licence", "methodology", "training_code")


def test_turns_and_cost_per_solved_task(metrics):
    # alpha-1 on the agentic evaluation: repeat 1 solves both tasks in 3 and 8 turns; repeat 2
    # solves task 1 in 5 turns and fails task 2 after 10. Each run: 2000 input tokens at $5/M
    # (August 2026 price) and 200 answer tokens at $20/M.
    ((pass_at_1, k, pass_hat_k, turns, turns_solved, cost_solved),) = rows(metrics, """
        SELECT pass_at_1, k, pass_hat_k, turns_per_task, turns_per_solved_task, cost_per_solved_task
        FROM turn_efficiency WHERE model = 'alpha-1' AND evaluation = 'agent' AND as_of = '2026-09-30'""")
    assert pass_at_1 == pytest.approx(3 / 4)
    assert (k, pass_hat_k) == (2, pytest.approx(1 / 2))  # only task 1 solved in both repeats
    assert turns == pytest.approx((3 + 8 + 5 + 10) / 4)
    assert turns_solved == pytest.approx((3 + 8 + 5 + 10) / 3)
    run_cost = (2000 * 5 + 200 * 20) / 1e6
    assert cost_solved == pytest.approx(2 * run_cost / 3)


def house(model: str, levels: tuple[int, ...]) -> str:
    return "".join(f"{model},openness-index,{c},{level},https://example.org/{model},2026-09-30\n"
                   for c, level in zip(COMPONENTS, levels))


@pytest.mark.parametrize("levels, score", [
    ((3, 3, 3, 2, 3, 2), 88.89),  # 16 / 18
    ((3, 2, 2, 2, 2, 2), 72.22),  # 13 / 18
    ((3, 1, 2, 1, 2, 1), 55.56),  # 10 / 18
])
def test_openness_normalisation_reproduces_published_values(metrics, tmp_path, levels, score):
    ingest(metrics, "openness", write(tmp_path / "house.csv", OPENNESS_HEADER + house("alpha-1", levels)))
    ((raw, found, derived),) = rows(metrics, "SELECT raw, score, derived_from FROM openness_index "
                                             "WHERE model = 'alpha-1'")
    assert (raw, found, derived) == (sum(levels), score, "house assessment")


def test_a_model_only_an_outside_framework_assessed_gets_a_derived_labelled_score(metrics, tmp_path):
    eosai = [("weights_endmodel", "open"), ("licenses", "partial"), ("datasources_basemodel", "closed"),
             ("datasources_endmodel", "partial"), ("paper", "open"), ("modelcard", "partial"),
             ("trainingcode", "closed"), ("hardware_architecture", "open")]
    text = OPENNESS_HEADER + "".join(f"thinker-1,eosai,{c},{v},https://osai-index.eu/,2026-06-12\n" for c, v in eosai)
    ingest(metrics, "openness", write(tmp_path / "eosai.csv", text))
    ((*levels, raw, score, derived, assessed),) = rows(metrics, f"""
        SELECT {', '.join(COMPONENTS)}, raw, score, derived_from, components_assessed
        FROM openness_index WHERE model = 'thinker-1'""")
    # weights open -> 3; licences partial -> 1.5, rounded half up -> 2; data sources closed (0) and
    # partial (1.5) average 0.75 -> 1; no data-licence criterion -> 0; paper open (3) and model card
    # partial (1.5) average 2.25 -> 2; training code closed -> 0. hardware_architecture feeds nothing.
    assert levels == [3, 2, 1, 0, 2, 0]
    assert (raw, score, derived, assessed) == (8, round(800 / 18, 2), "derived from eosai", 5)


def test_the_house_assessment_wins_over_an_outside_one(metrics, tmp_path):
    text = OPENNESS_HEADER + house("llama-x", (3, 1, 0, 0, 2, 0)) + \
        "llama-x,eosai,weights_endmodel,open,https://osai-index.eu/,2026-06-12\n"
    ingest(metrics, "openness", write(tmp_path / "both.csv", text))
    assert rows(metrics, "SELECT raw, derived_from FROM openness_index WHERE model = 'llama-x'") == [
        (6, "house assessment")]


def test_a_variants_cost_per_solved_task_is_over_its_index_versions_agentic_evaluations_and_says_which(metrics, tmp_path):
    """Issue 21, point 9: model_standing averaged each variant's cost per solved task over whatever
    agentic evaluations the house ran it on, in one unlabelled column. Now: over the version's own
    agentic evaluations (the same for every variant), named, and none for a version without one.
    Version 1 of the test index (e1, e2) has no agentic evaluation: alpha-1's run on 'agent' is
    outside it. Version 2 adds 'agent' (weights 0.4, 0.4, 0.2): alpha-1's cost per solved task
    there is its cost per solved task on 'agent', 2 x 0.014 / 3 (test_turns_and_cost_per_solved_task)."""
    from tests.unit.metrics.conftest import index_folder
    from warehouse.ingest import ingest_indices

    folder = index_folder(tmp_path)
    (folder / "index-v2.yaml").write_text(
        'index: intelligence\nversion: "2"\nkind: intelligence\nname: Test index\npublished_at: 2026-02-01\n'
        "evaluations:\n  - {evaluation: e1, category: reasoning, weight: 0.4, transform: percent}\n"
        "  - {evaluation: e2, category: math, weight: 0.4, transform: percent}\n"
        "  - {evaluation: agent, category: agentic, weight: 0.2, transform: percent}\n")
    ingest_indices(metrics, folder)
    found = {version: rest for version, *rest in rows(metrics, """
        SELECT version, mean_cost_per_solved_task, agentic_evaluations, solved_task_evaluations FROM model_standing
        WHERE model = 'alpha-1' AND as_of = '2026-09-30'""")}
    assert found["1"] == [None, None, None]
    run_cost = (2000 * 5 + 200 * 20) / 1e6
    assert found["2"] == [pytest.approx(2 * run_cost / 3), 1, "Agentic evaluation"]
