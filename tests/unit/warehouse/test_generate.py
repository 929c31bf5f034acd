"""Generated demo runs: calibrated to the published scores, marked as generated in the file and
in the warehouse."""

from __future__ import annotations

import numpy as np
import pyarrow.parquet as pq
import pytest

from tests.conftest import SOURCES, rows, scalar
from warehouse import generate
from warehouse.ingest import ingest, ingest_source


@pytest.fixture
def calibrated(catalogue):
    ingest_source(catalogue, "epoch-hub", SOURCES / "epoch-ai")
    ingest_source(catalogue, "epoch-token-usage", SOURCES / "epoch-ai")
    return catalogue


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
