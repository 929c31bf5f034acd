"""Generated demo runs: calibrated to the published scores, marked as generated in the file and
in the warehouse."""

from __future__ import annotations

import numpy as np
import pyarrow.parquet as pq
import pytest

from tests.conftest import FIXTURES, SOURCES, copy_of, rows, scalar
from warehouse import generate
from warehouse.ingest import ingest


@pytest.fixture
def calibrated(catalogue_with, tmp_path):
    """The catalogue warehouse with Epoch AI's hub and token usage read (once per session), copied:
    the tests load runs into it."""
    loaded = catalogue_with(("epoch-hub", SOURCES / "epoch-ai"), ("epoch-token-usage", SOURCES / "epoch-ai"))
    return copy_of(loaded.location, tmp_path / "warehouse")


def test_each_variant_scores_its_published_mean_within_its_sampling_error(calibrated, tmp_path):
    out = tmp_path / "runs.parquet"
    generate.write(calibrated, out, evaluations=("gpqa-diamond", "otis-mock-aime"))
    ingest(calibrated, "runs", out)
    compared = rows(calibrated, """
        WITH house AS (
            SELECT r.model, r.effort, r.evaluation, avg(t.score) AS score
            FROM task_results t JOIN eval_runs r USING (run_id) GROUP BY ALL),
        published AS (
            SELECT model, effort, evaluation, avg(mean) AS mean FROM published_aggregates
            WHERE source = 'epoch-hub' GROUP BY ALL)
        SELECT h.score, p.mean, e.n_tasks
        FROM house h JOIN published p USING (model, effort, evaluation) JOIN evaluations e USING (evaluation)""")
    assert len(compared) > 100
    # Task chances are drawn around the mean, then each repeat: the result's spread is at most
    # that of n_tasks independent draws, sqrt(mean (1 - mean) / n_tasks).
    within = [abs(score - mean) <= 3 * np.sqrt(mean * (1 - mean) / n) + 1e-3 for score, mean, n in compared]
    assert np.mean(within) > 0.95


def test_the_batch_and_the_file_say_generated(calibrated, tmp_path):
    out = tmp_path / "runs.parquet"
    generate.write(calibrated, out, evaluations=("gpqa-diamond",))
    assert pq.read_schema(out).metadata[b"benchhouse.generated"] == b"true"
    result = ingest(calibrated, "runs", out)
    assert scalar(calibrated, "SELECT generated FROM ingest_batches WHERE batch_id = ?", [result.batch_id]) is True


def test_tokens_follow_the_published_token_usage(calibrated, tmp_path):
    out = tmp_path / "runs.parquet"
    generate.write(calibrated, out, evaluations=("gpqa-diamond",))
    ingest(calibrated, "runs", out)
    ((house, published),) = rows(calibrated, """
        SELECT avg(t.reasoning_tokens + t.answer_tokens),
               (SELECT sum(output_tokens) / sum(samples) FROM published_usage
                WHERE model = 'gpt-4-0613' AND evaluation = 'gpqa-diamond')
        FROM task_results t JOIN eval_runs r USING (run_id)
        WHERE r.model = 'gpt-4-0613' AND r.evaluation = 'gpqa-diamond'""")
    assert house == pytest.approx(published, rel=0.25)


def test_the_same_warehouse_gives_the_same_file(calibrated, tmp_path):
    first, second = tmp_path / "a.parquet", tmp_path / "b.parquet"
    generate.write(calibrated, first, evaluations=("otis-mock-aime",))
    generate.write(calibrated, second, evaluations=("otis-mock-aime",))
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("mean, pass_hat_4", [(0.6, 0.4), (0.3, 0.1), (0.8, 0.7)])
def test_repeat_consistency_is_fitted_to_the_published_pass_hat_4(mean, pass_hat_4):
    c = generate.concentration_for(mean, pass_hat_4, default=2.0)
    draws = np.random.default_rng(1).beta(mean * c, (1 - mean) * c, 400_000)
    assert np.mean(draws ** 4) == pytest.approx(pass_hat_4, rel=0.02)


CALIBRATION = FIXTURES / "calibration"


def _rows(name: str) -> list[dict]:
    """A calibration fixture, typed as the calibration query gives it (empty means NULL)."""
    import csv
    from datetime import date

    numbers = {"effort_step", "output_per_task", "mean", "n_tasks", "repeats", "concentration", "input_per_turn",
               "turns", "std_error", "pass_hat_4"}
    typed = []
    for row in csv.DictReader(open(CALIBRATION / name)):
        row = {k: (None if v == "" else v) for k, v in row.items()}
        for key in numbers & row.keys():
            row[key] = None if row[key] is None else float(row[key])
        for key in ("reasoning", "usage_published"):
            if key in row:
                row[key] = row[key] == "true"
        if "not_before" in row:
            row["not_before"] = date.fromisoformat(row["not_before"])
        typed.append(row)
    return typed


@pytest.mark.parametrize("fixture, model, efforts", [
    ("high_effort_spends_less_than_medium.csv", "gpt-x", ("high", "medium")),
    ("bigger_thinking_budget_spends_less.csv", "sonnet-x", ("budget-64k", "budget-16k")),
])
def test_a_calibration_where_more_effort_spends_fewer_tokens_is_refused(fixture, model, efforts):
    from warehouse.errors import CalibrationRefused

    with pytest.raises(CalibrationRefused) as refused:
        generate.generate(_rows(fixture))
    message = str(refused.value)
    assert f"{model} on " in message and all(effort in message for effort in efforts)
    assert "default" not in message  # the default effort is on no chain: never compared


def test_the_calibration_raises_a_higher_effort_to_the_lower_ones_tokens_and_then_passes():
    rows = generate.monotone_in_effort(_rows("high_effort_spends_less_than_medium.csv"))
    assert {r["effort"]: r["output_per_task"] for r in rows} == {"low": 2000, "medium": 5150, "high": 5150,
                                                                 "default": 900}
    generate.check_monotone(rows)


def test_runs_start_after_the_model_could_be_run_and_spread_over_the_following_weeks():
    from datetime import datetime, timedelta

    table = generate.generate(_rows("one_variant_ready_to_run.csv")).to_pandas()
    starts = table.groupby(["effort", "repeat"])["started_at"].min()
    assert starts.min() >= datetime(2026, 5, 21)  # one day at least after 2026-05-20
    for effort in ("medium", "high"):
        first = starts[effort]
        assert first[1] <= datetime(2026, 5, 20) + timedelta(days=28)
        assert list(first.diff().dropna().dt.days) == [generate.REPEAT_GAP_DAYS] * 7


def test_a_variants_mean_tokens_are_its_target_exactly():
    table = generate.generate(_rows("one_variant_ready_to_run.csv")).to_pandas()
    output = (table["reasoning_tokens"] + table["answer_tokens"]).groupby(table["effort"]).sum()
    assert output.to_dict() == {"high": round(12345.5 * 45 * 8), "medium": 8000 * 45 * 8}
    reasoning = table.groupby("effort")["reasoning_tokens"].sum()
    assert reasoning["high"] == round(output["high"] * generate.REASONING_SHARE)
    assert (table["answer_tokens"] >= 0).all()


def test_every_evaluation_of_every_index_version_gets_runs():
    from warehouse import indices, sql

    wanted = {e.evaluation for _, v in indices.read().versions if v.kind == "intelligence" for e in v.evaluations}
    assert wanted <= set(generate.EVALUATIONS)
    priors = sql.load("queries/demo_calibration.sql")
    assert [e for e in generate.EVALUATIONS if f"('{e}'," not in priors] == []
