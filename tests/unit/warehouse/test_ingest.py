"""Loading: what lands where, --allow-rejects, idempotent re-ingest, the three file types, prices
over time, and one snapshot per batch."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest

from tests.conftest import FIXTURES, latest_snapshot, rows, scalar, write
from warehouse.errors import ValidationFailed
from warehouse.ingest import ingest


def test_runs_are_grouped_by_variant_endpoint_evaluation_and_repeat(known):
    result = ingest(known, "runs", FIXTURES / "runs_two_variants.csv")
    assert (result.rows_accepted, result.rows_rejected) == (6, 0)
    assert rows(known, """SELECT model, effort, provider, evaluation, "repeat", account, n_results
                          FROM eval_runs ORDER BY run_id""") == [
        ("gpt-4o-2024-08-06", "default", "openai", "gpqa-diamond", 1, "anonymous", 2),
        ("gpt-4o-2024-08-06", "default", "openai", "gpqa-diamond", 2, "anonymous", 2),
        ("o3-2025-04-16", "high", "openai", "tau2-airline", 1, "lab_supplied", 2),
    ]
    # Timestamps are stored in UTC: '+01:00' moves the second attempt an hour back.
    assert str(scalar(known, """SELECT min(t.started_at) FROM task_results t JOIN eval_runs r
                                USING (run_id) WHERE r."repeat" = 1 AND t.task_id = 'q2'""")) == \
        "2026-01-05 10:00:05"
    assert rows(known, "SELECT model, effort FROM model_variants ORDER BY ALL") == [
        ("gpt-4o-2024-08-06", "default"), ("o3-2025-04-16", "high")]
    assert rows(known, "SELECT model, provider, first_party FROM endpoints ORDER BY ALL") == [
        ("gpt-4o-2024-08-06", "openai", True), ("o3-2025-04-16", "openai", True)]


def test_allow_rejects_loads_good_rows_and_keeps_each_bad_one_with_its_reason(known, tmp_path):
    text = (FIXTURES / "runs_two_variants.csv").read_text()
    text = text.replace(",t2,1,", ",t2,7,").replace(",q2,1,1000,", ",q2,1,-1000,")
    result = ingest(known, "runs", write(tmp_path / "runs.csv", text), allow_rejects=True)
    assert (result.rows_accepted, result.rows_rejected) == (4, 2)
    assert scalar(known, "SELECT count(*) FROM task_results") == 4
    assert rows(known, "SELECT batch_id, row_number, column_name, value, reason FROM rejected_rows "
                       "ORDER BY row_number") == [
        (result.batch_id, 4, "input_tokens", "-1000", "expected a number of 0 or more"),
        (result.batch_id, 6, "score", "7", "expected a number between 0 and 1"),
    ]
    assert rows(known, "SELECT rows_accepted, rows_rejected FROM ingest_batches WHERE batch_id = ?",
                [result.batch_id]) == [(4, 2)]


def test_rejects_file_lists_every_problem(known, tmp_path):
    text = (FIXTURES / "runs_two_variants.csv").read_text().replace(",t2,1,", ",t2,7,")
    out = tmp_path / "rejects.csv"
    with pytest.raises(ValidationFailed):
        ingest(known, "runs", write(tmp_path / "runs.csv", text), rejects_out=out)
    assert duckdb.sql(f"SELECT line, column_name, value FROM read_csv('{out}', all_varchar = true)"
                      ).fetchall() == [("7", "score", "7")]


def test_the_same_file_twice_changes_nothing(known, tmp_path):
    first = ingest(known, "runs", FIXTURES / "runs_two_variants.csv")
    snapshot = latest_snapshot(known)
    renamed = shutil.copy(FIXTURES / "runs_two_variants.csv", tmp_path / "renamed.csv")
    for path in (FIXTURES / "runs_two_variants.csv", renamed):
        again = ingest(known, "runs", path)
        assert again.already_loaded and again.batch_id == first.batch_id
    assert latest_snapshot(known) == snapshot
    assert scalar(known, "SELECT count(*) FROM task_results") == 6


def test_csv_jsonl_and_parquet_load_the_same_rows(new_warehouse, tmp_path):
    csv_path = FIXTURES / "runs_two_variants.csv"
    records = duckdb.sql(f"SELECT * FROM read_csv('{csv_path}', all_varchar = true)").fetchall()
    names = duckdb.sql(f"SELECT * FROM read_csv('{csv_path}', all_varchar = true)").columns
    jsonl = tmp_path / "runs.jsonl"
    jsonl.write_text("".join(json.dumps({k: v for k, v in zip(names, r) if v is not None}) + "\n"
                             for r in records))
    parquet = tmp_path / "runs.parquet"
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{csv_path}')) TO '{parquet}' (FORMAT parquet)")
    loaded = {}
    for path in (csv_path, jsonl, parquet):
        location = new_warehouse(tmp_path / f"wh-{path.suffix}")
        ingest(location, "models", FIXTURES / "models_four.csv")
        ingest(location, "evaluations", FIXTURES / "evaluations_two.csv")
        assert ingest(location, "runs", path).rows_accepted == 6
        loaded[path.suffix] = rows(location, """
            SELECT r.model, r.effort, r."repeat", t.* EXCLUDE (run_id)
            FROM task_results t JOIN eval_runs r USING (run_id) ORDER BY ALL""")
    assert loaded[".csv"] == loaded[".jsonl"] == loaded[".parquet"]
    assert len(loaded[".csv"]) == 6


def test_a_new_price_closes_the_open_one(known):
    ingest(known, "prices", FIXTURES / "prices_gpt4o_cut_mid_quarter.csv")
    assert rows(known, """SELECT usd_per_mtok, valid_from, valid_to FROM prices
                          WHERE model = 'gpt-4o-2024-08-06' AND token_type = 'input'
                          ORDER BY valid_from""") == [
        (5.0, *duckdb.sql("SELECT DATE '2024-08-06', DATE '2024-10-01'").fetchone()),
        (2.5, duckdb.sql("SELECT DATE '2024-10-01'").fetchone()[0], None),
    ]


def test_a_later_file_closes_a_price_already_in_the_warehouse(known, tmp_path):
    ingest(known, "prices", FIXTURES / "prices_gpt4o_cut_mid_quarter.csv")
    ingest(known, "prices", write(tmp_path / "cut.csv",
                                  "model,provider,token_type,usd_per_mtok,valid_from,valid_to,source\n"
                                  "deepseek-v3,together,input,0.9,2025-05-01,,https://x\n"))
    assert [(str(a), str(b)) for a, b in rows(known, """
        SELECT valid_from, valid_to FROM prices WHERE model = 'deepseek-v3' ORDER BY valid_from""")] == [
        ("2024-12-26", "2025-05-01"), ("2025-05-01", "None")]
    # The price valid on a day is unique on every day.
    assert scalar(known, """SELECT max(n) FROM (SELECT d, count(*) AS n FROM prices,
                            range(DATE '2024-08-01', DATE '2026-01-01', INTERVAL 1 DAY) t(d)
                            WHERE d >= valid_from AND (valid_to IS NULL OR d < valid_to)
                            GROUP BY d, model, provider, token_type)""") == 1


def test_a_models_file_replaces_rows_of_the_same_model(known, tmp_path):
    ingest(known, "models", write(tmp_path / "fix.csv",
                                  "model,creator,display_name,release_date\n"
                                  "deepseek-v3,deepseek,DeepSeek-V3,2024-12-27\n"))
    assert rows(known, "SELECT display_name, CAST(release_date AS VARCHAR), params_total_b FROM models "
                       "WHERE model = 'deepseek-v3'") == [("DeepSeek-V3", "2024-12-27", None)]
    assert scalar(known, "SELECT count(*) FROM models") == 4


def test_each_ingest_is_one_snapshot_recorded_on_its_batch(known):
    before = latest_snapshot(known)
    result = ingest(known, "runs", FIXTURES / "runs_two_variants.csv")
    assert latest_snapshot(known) == before + 1 == result.snapshot_id
    assert rows(known, "SELECT snapshot_id, kind, file_name, rows_accepted FROM ingest_batches "
                       "WHERE batch_id = ?", [result.batch_id]) == [
        (result.snapshot_id, "runs", "runs_two_variants.csv", 6)]
    assert scalar(known, "SELECT file_sha256 FROM ingest_batches WHERE batch_id = ?",
                  [result.batch_id]) == __import__("hashlib").sha256(
        (FIXTURES / "runs_two_variants.csv").read_bytes()).hexdigest()


def test_openness_assessments_keep_outside_frameworks_as_written(known):
    ingest(known, "openness", FIXTURES / "openness_house_two_models.csv")
    assert rows(known, "SELECT model, framework, component, level FROM openness_assessments "
                       "WHERE framework = 'eosai'") == [
        ("gpt-4o-2024-08-06", "eosai", "model_weights", "closed")]
