"""`benchhouse sql`, `schema` and `snapshots` through the real command line: read-only, pinned
snapshots, bound parameters, and every output format read back."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from tests.conftest import FIXTURES, in_process, latest_snapshot, write
from warehouse.ingest import ingest


@pytest.mark.parametrize("statement, refused", [
    ("INSERT INTO models (model) VALUES ('x')", "an INSERT statement is refused"),
    ("DELETE FROM task_results", "a DELETE statement is refused"),
    ("UPDATE prices SET usd_per_mtok = 0", "an UPDATE statement is refused"),
    ("CREATE TABLE notes (a INTEGER)", "a CREATE statement is refused"),
    ("DROP TABLE prices", "a DROP statement is refused"),
    ("COPY models TO '/tmp/models.csv'", "a COPY statement is refused"),
    ("ATTACH '/tmp/other.duckdb' AS other", "an ATTACH statement is refused"),
    ("SET threads = 1", "a SET statement is refused"),
    ("CALL bh.expire_snapshots()", "a CALL statement is refused"),
    ("SELECT * FROM read_csv('{outside}')", "reading or writing other files is refused"),
    ("SELECT * FROM '{outside}'", "reading or writing other files is refused"),
    ("SELECT 1; SELECT 2", "one statement at a time"),
])
def test_writes_and_outside_files_are_refused(with_runs, tmp_path, statement, refused):
    outside = tmp_path / "secret.csv"
    outside.write_text("a\n1\n")
    before = latest_snapshot(with_runs)
    statement = statement.format(outside=outside)
    done = in_process(with_runs, "sql", statement, check=False)
    assert done.returncode == 1
    assert refused in done.stderr
    assert done.stderr.startswith("error: ")
    assert latest_snapshot(with_runs) == before


def test_csv_output(with_runs):
    done = in_process(with_runs, "sql", "SELECT model, count(*) AS n FROM eval_runs GROUP BY model ORDER BY model",
               "--format", "csv")
    assert list(csv.DictReader(io.StringIO(done.stdout))) == [
        {"model": "gpt-4o-2024-08-06", "n": "2"}, {"model": "o3-2025-04-16", "n": "1"}]


def test_json_output(with_runs):
    done = in_process(with_runs, "sql", "SELECT task_id, score, started_at FROM task_results "
                                 "WHERE task_id = 't1'", "--format", "json")
    assert json.loads(done.stdout) == [{"task_id": "t1", "score": 0.5, "started_at": "2026-01-05 10:00:00"}]


def test_two_columns_of_one_name_keep_both_values_or_are_refused_where_a_format_names_each_once(with_runs, tmp_path):
    """A join's a.x and b.x come back both named x: a CSV or a table gives both, in their places (not the
    second's value under the first's name and every later column shifted); JSON and Parquet, which name
    each column once, refuse in one line saying how to name them apart."""
    statement = ("SELECT a.model, a.run_id, b.run_id, a.n_results FROM eval_runs a JOIN eval_runs b "
                 "ON a.model = b.model AND b.run_id > a.run_id ORDER BY a.run_id")
    done = in_process(with_runs, "sql", statement, "--format", "csv")
    assert list(csv.reader(io.StringIO(done.stdout))) == [["model", "run_id", "run_id", "n_results"],
                                                          ["gpt-4o-2024-08-06", "1", "2", "2"]]
    shown = in_process(with_runs, "sql", statement)
    assert [line.split() for line in shown.stdout.splitlines() if "gpt-4o" in line] == [
        ["│", "gpt-4o-2024-08-06", "│", "1", "│", "2", "│", "2", "│"]]
    for fmt, out in (("json", []), ("parquet", ["-o", str(tmp_path / "x.parquet")])):
        refused = in_process(with_runs, "sql", statement, "--format", fmt, *out, check=False)
        assert refused.returncode == 1 and not refused.stdout and not (tmp_path / "x.parquet").exists()
        (line,) = refused.stderr.strip().splitlines()
        assert "more than one column named 'run_id'" in line and "AS run_id_a" in line


def test_parquet_output_needs_a_file_and_writes_it(with_runs, tmp_path):
    refused = in_process(with_runs, "sql", "SELECT 1", "--format", "parquet", check=False)
    assert refused.returncode == 1 and "add -o FILE.parquet" in refused.stderr
    out = tmp_path / "runs.parquet"
    in_process(with_runs, "sql", "SELECT run_id, n_results FROM eval_runs ORDER BY run_id", "--format", "parquet",
        "-o", str(out))
    assert pq.read_table(out).to_pylist() == [{"run_id": 1, "n_results": 2}, {"run_id": 2, "n_results": 2},
                                             {"run_id": 3, "n_results": 2}]


def test_table_output_shows_rows_and_count(with_runs):
    done = in_process(with_runs, "sql", "SELECT model, display_name FROM models WHERE open_weights ORDER BY model")
    assert "deepseek-v3" in done.stdout and "Llama 3.1 405B Instruct" in done.stdout
    assert "2 rows" in done.stderr


def test_bound_parameters(with_runs):
    done = in_process(with_runs, "sql", "SELECT count(*) AS n FROM eval_runs WHERE model = $model AND \"repeat\" >= $r",
               "-p", "model=gpt-4o-2024-08-06", "-p", "r=2", "--format", "csv")
    assert done.stdout.splitlines() == ["n", "1"]
    missing = in_process(with_runs, "sql", "SELECT $x", check=False)
    assert missing.returncode == 1 and "add -p x=VALUE" in missing.stderr


def test_query_from_a_file_and_from_stdin(with_runs, tmp_path):
    query = tmp_path / "q.sql"
    query.write_text("SELECT count(*) AS n FROM task_results")
    assert in_process(with_runs, "sql", "-f", str(query), "--format", "csv").stdout.splitlines() == ["n", "6"]
    assert in_process(with_runs, "sql", "--format", "csv", input="SELECT count(*) AS n FROM models"
               ).stdout.splitlines() == ["n", "4"]


def test_snapshot_reads_the_warehouse_as_it_was(with_runs, tmp_path):
    before_prices = latest_snapshot(with_runs)
    ingest(with_runs, "prices", FIXTURES / "prices_gpt4o_cut_mid_quarter.csv")
    count = "SELECT count(*) AS n FROM prices"
    assert in_process(with_runs, "sql", count, "--format", "csv").stdout.splitlines() == ["n", "5"]
    assert in_process(with_runs, "sql", count, "--format", "csv", "--snapshot", str(before_prices)
               ).stdout.splitlines() == ["n", "0"]
    # Before the schema existed there was no table at all.
    early = in_process(with_runs, "sql", count, "--snapshot", "0", check=False)
    assert early.returncode == 1 and "prices does not exist" in early.stderr
    missing = in_process(with_runs, "sql", count, "--snapshot", "999", check=False)
    assert missing.returncode == 1 and "snapshot 999 does not exist" in missing.stderr


def test_as_of_is_a_deprecated_alias_of_snapshot_that_warns(with_runs):
    pinned = latest_snapshot(with_runs)
    ingest(with_runs, "prices", FIXTURES / "prices_gpt4o_cut_mid_quarter.csv")
    count = "SELECT count(*) AS n FROM prices"
    old = in_process(with_runs, "sql", count, "--format", "csv", "--as-of", str(pinned))
    assert old.stdout.splitlines() == ["n", "0"]
    assert "--as-of is deprecated" in old.stderr and "use --snapshot" in old.stderr
    assert "deprecated" not in in_process(with_runs, "sql", count, "--snapshot", str(pinned)).stderr
    both = in_process(with_runs, "sql", count, "--snapshot", str(pinned), "--as-of", str(pinned - 1), check=False)
    assert both.returncode == 1 and "disagree" in both.stderr
    assert "--snapshot" in in_process(with_runs, "sql", "--help").stdout


def test_snapshots_lists_each_batch(with_runs):
    listed = json.loads(in_process(with_runs, "snapshots", "--format", "json").stdout)
    batches = [(s["kind"], s["file_name"], s["rows_accepted"]) for s in listed if s["batch_id"]]
    assert batches == [("models", "models_four.csv", 4), ("evaluations", "evaluations_two.csv", 2),
                       ("runs", "runs_two_variants.csv", 6)]
    assert [s["snapshot_id"] for s in listed] == list(range(len(listed)))


def test_schema_lists_tables_and_columns_with_comments(with_runs):
    tables = json.loads(in_process(with_runs, "schema", "--format", "json").stdout)
    assert {"models", "task_results", "prices", "rejected_rows"} <= {t["name"] for t in tables}
    columns = json.loads(in_process(with_runs, "schema", "prices", "--format", "json").stdout)
    assert [c["name"] for c in columns][:3] == ["model", "provider", "token_type"]
    assert columns[3]["comment"] == "US dollars per million tokens."
    unknown = in_process(with_runs, "schema", "price", check=False)
    assert unknown.returncode == 1 and "Did you mean 'prices'?" in unknown.stderr


def test_a_missing_warehouse_says_how_to_make_one(tmp_path):
    from warehouse.connection import Location

    done = in_process(Location.resolve(str(tmp_path / "nowhere")), "sql", "SELECT 1", check=False)
    assert done.returncode == 1
    assert "no warehouse at" in done.stderr and "make demo" in done.stderr


def test_check_prices_counts_what_is_quarantined_and_why(known, tmp_path):
    ingest(known, "prices", write(tmp_path / "prices.csv", (
        "model,provider,token_type,usd_per_mtok,valid_from,valid_to,source\n"
        "gpt-4o-2024-08-06,openai,input,2.5,2024-10-01,,https://openai.com/api/pricing/\n"
        "gpt-4o-2024-08-06,openai,output,10,2024-10-01,,https://openai.com/api/pricing/\n"
        "gpt-4o-2024-08-06,reseller,output,99999,2024-10-01,,https://reseller.example/pricing\n")))
    counts = in_process(known, "check", "prices", "--format", "csv").stdout.splitlines()
    assert counts[0].startswith("source,reason,prices,models")
    assert any(",placeholder,1,1," in line for line in counts[1:])
    details = in_process(known, "check", "prices", "--details", "--format", "csv").stdout
    assert "reseller" in details and "99999" in details and "openai" not in details
