"""Benchmark adapters (τ²-bench, τ-bench v1, Aider) checked against the sources' own files: the
published values land on the right canonical model and variant, nothing is dropped silently, and
reading a source twice changes nothing. The three are read once into one catalogue warehouse, which
the tests only read."""

from __future__ import annotations

from math import comb

import pandas as pd
import pytest

from tests.conftest import SOURCES, read_again_changes_nothing, rows, scalar

TAU2 = SOURCES / "tau2-bench-leaderboard"
TAU1 = SOURCES / "tau-bench-v1-trajectories"
AIDER = SOURCES / "aider-leaderboards"
BENCHMARKS = (("tau2-bench", TAU2), ("tau-bench", TAU1), ("aider", AIDER))


@pytest.fixture(scope="module")
def loaded(catalogue_with):
    return catalogue_with(*BENCHMARKS)


@pytest.fixture(scope="module")
def benchmarks(loaded):
    return loaded.location


def _tau2_results() -> pd.DataFrame:
    submissions = pd.read_csv(TAU2 / "submissions.csv")
    return pd.read_csv(TAU2 / "results_by_domain.csv").merge(submissions, on="submission_id")


def test_tau2_pass_hat_k_are_the_files_percentages_on_the_dated_model(benchmarks):
    results = _tau2_results().set_index(["submission_id", "domain"])
    loaded = rows(benchmarks, """SELECT run_ref, metric, mean FROM published_aggregates
                                WHERE source = 'tau2-bench' AND evaluation = 'tau2-airline'
                                  AND metric IN ('accuracy', 'pass-hat-4')""")
    assert len(loaded) > 20
    for run_ref, metric, mean in loaded:
        column = "pass_1" if metric == "accuracy" else "pass_4"
        assert mean == pytest.approx(results.loc[(run_ref, "airline"), column] / 100)
    submission = "claude-3-7-sonnet_anthropic_2024-06-20"
    assert rows(benchmarks, "SELECT DISTINCT model, effort FROM published_aggregates WHERE run_ref = ?",
                [submission]) == [("claude-3-7-sonnet-20250219", "default")]


def test_tau2_skips_voice_submissions_and_keeps_cost_per_task(benchmarks):
    results = _tau2_results()
    voice = results[results["modality"] == "voice"]
    assert scalar(benchmarks, """SELECT sum(rows) FROM name_resolutions WHERE source = 'tau2-bench'
                                AND resolved_by LIKE 'skipped: voice%'""") == len(voice)
    assert scalar(benchmarks, "SELECT count(*) FROM published_aggregates WHERE run_ref IN "
                              "(SELECT unnest(?))", [list(voice["submission_id"])]) == 0
    costed = {(s, d): c for s, d, c in results[["submission_id", "domain", "cost_per_task_usd"]].dropna()
              .itertuples(index=False)}
    loaded = rows(benchmarks, """SELECT run_ref, evaluation, cost_per_task_usd FROM published_usage
                                WHERE source = 'tau2-bench'""")
    assert loaded
    for run_ref, evaluation, cost in loaded:
        assert cost == pytest.approx(costed[(run_ref, evaluation.removeprefix("tau2-").replace("-", "_"))])


def test_tau2_thinking_enabled_is_the_thinking_effort(benchmarks):
    submissions = pd.read_csv(TAU2 / "submissions.csv")
    enabled = submissions.loc[(submissions["reasoning_effort"] == "enabled")
                              & (submissions["model_name"] == "Claude Sonnet 4.5"), "submission_id"].item()
    assert rows(benchmarks, "SELECT DISTINCT model, effort FROM published_aggregates WHERE run_ref = ?",
                [enabled]) == [("claude-sonnet-4-5-20250929", "thinking")]


def test_tau_bench_trajectory_is_200_task_results_of_the_autumn_2024_gpt4o(loaded, benchmarks):
    trials = pd.read_csv(TAU1 / "gpt4o_airline_trials.csv")
    result = loaded.results["tau-bench"]
    assert result.rows_accepted == len(trials) == 200
    assert rows(benchmarks, """SELECT model, provider, evaluation, account, count(*) FROM eval_runs
                              GROUP BY ALL""") == [("gpt-4o-2024-08-06", "openai", "tau-bench-airline",
                                                    "anonymous", trials["trial"].nunique())]
    assert scalar(benchmarks, "SELECT avg(score) FROM task_results") == pytest.approx(trials["reward"].mean())
    turns = dict(rows(benchmarks, """SELECT r."repeat" || '/' || t.task_id, t.turns FROM task_results t
                                    JOIN eval_runs r USING (run_id)"""))
    assert turns == {f"{r.trial + 1}/{r.task_id}": r.n_assistant_turns for r in trials.itertuples()}
    assert scalar(benchmarks, "SELECT sum(tool_calls) FROM task_results") == trials["n_tool_calls"].sum()
    assert scalar(benchmarks, "SELECT count(*) FROM task_results WHERE solved") \
        == (trials["reward"] == 1).sum()


def test_tau_bench_pass_hat_4_from_the_warehouse_matches_the_file(benchmarks):
    solved = pd.DataFrame(rows(benchmarks, "SELECT task_id, score FROM task_results"),
                          columns=["task_id", "score"]).groupby("task_id")["score"].sum()
    expected = pd.read_csv(TAU1 / "gpt4o_airline_trials.csv").groupby("task_id")["reward"].sum()
    assert (solved.map(lambda c: comb(int(c), 4)).mean()
            == expected.map(lambda c: comb(int(c), 4)).mean())


def test_aider_pass_rates_land_on_the_dated_model_with_the_effort_in_the_name(benchmarks):
    runs = pd.read_csv(AIDER / "aider_benchmark_runs.csv")
    run = runs[runs["model"] == "o3-mini (high)"].iloc[0]
    assert rows(benchmarks, """SELECT model, effort, evaluation, metric, mean, n, measured_at::VARCHAR
                              FROM published_aggregates WHERE run_ref = ? ORDER BY metric""",
                [run["dirname"]]) == [
        ("o3-mini-2025-01-31", "high", "aider-polyglot", "accuracy", run["pass_rate_1"] / 100,
         run["test_cases"], run["date"]),
        ("o3-mini-2025-01-31", "high", "aider-polyglot", "pass-at-2", run["pass_rate_2"] / 100,
         run["test_cases"], run["date"]),
    ]


def test_aider_takes_a_run_listed_on_two_leaderboards_once(benchmarks):
    runs = pd.read_csv(AIDER / "aider_benchmark_runs.csv")
    both = set(runs.loc[runs["leaderboard"] == "o1_polyglot_leaderboard", "dirname"]) \
        & set(runs.loc[runs["leaderboard"] == "polyglot_leaderboard", "dirname"])
    assert both
    counts = rows(benchmarks, """SELECT run_ref, count(*) FROM published_aggregates WHERE metric = 'accuracy'
                                AND run_ref IN (SELECT unnest(?)) GROUP BY run_ref""", [sorted(both)])
    assert all(n == 1 for _, n in counts)


def test_aider_usage_keeps_tokens_and_reads_the_thinking_budget_as_effort(benchmarks):
    runs = pd.read_csv(AIDER / "aider_benchmark_runs.csv")
    run = runs[(runs["thinking_tokens"] > 0) & runs["model"].str.startswith("claude-sonnet-4")].iloc[0]
    assert rows(benchmarks, """SELECT model, effort, samples, input_tokens, output_tokens,
                                     reasoning_tokens, cost_usd
                              FROM published_usage WHERE run_ref = ?""", [run["dirname"]]) == [
        ("claude-sonnet-4-20250514", f"budget-{int(run['thinking_tokens']) // 1000}k", run["test_cases"],
         run["prompt_tokens"], run["completion_tokens"], None, run["total_cost"])]
    free = runs[(runs["leaderboard"] == "polyglot_leaderboard") & (runs["total_cost"] == 0)]["dirname"]
    assert scalar(benchmarks, "SELECT count(*) FROM published_usage WHERE cost_usd = 0") == 0
    assert scalar(benchmarks, "SELECT count(*) FROM published_aggregates WHERE run_ref IN (SELECT unnest(?))",
                  [list(free)]) > 0


@pytest.mark.parametrize("name, folder", [("tau2-bench", TAU2), ("tau-bench", TAU1), ("aider", AIDER)])
def test_reading_a_benchmark_source_twice_changes_nothing(loaded, tmp_path, name, folder):
    read_again_changes_nothing(loaded, tmp_path, name, folder)


def test_tau2_a_labs_own_submission_is_a_claim_and_sierras_run_a_measurement(benchmarks):
    submissions = pd.read_csv(TAU2 / "submissions.csv").set_index("submission_id")
    loaded = rows(benchmarks, "SELECT DISTINCT run_ref, provenance FROM published_aggregates WHERE source = 'tau2-bench'")
    assert {p for _, p in loaded} == {"claimed", "measured"}
    for run_ref, provenance in loaded:
        submitter = submissions.loc[run_ref, "submitting_organization"]
        assert (provenance == "measured") == (submitter == "Sierra"), run_ref
    # Qwen's model submitted by Alibaba is the lab's own claim: the two names are one creator.
    alibaba = submissions[(submissions["model_organization"] == "Qwen")
                          & (submissions["submitting_organization"] == "Alibaba")].index
    assert {p for r, p in loaded if r in set(alibaba)} <= {"claimed"}
