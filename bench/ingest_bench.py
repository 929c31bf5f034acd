"""Ingest throughput: `benchhouse ingest runs` on a Parquet file of task results, against plain
DuckDB loading the same file into a DuckDB database file, measured in the same run.

    python bench/ingest_bench.py [--rows 10000000] [--repeats 3]

Each repeat loads into a fresh warehouse and a fresh DuckDB file; the medians are reported, as
rows per second and as the ratio benchhouse time / plain DuckDB time. Targets: at least 2 million
rows per second, and no more than 2x plain DuckDB.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import duckdb

from harness import record, summary
from warehouse.connection import Location
from warehouse.ingest import ingest

MODELS = 50
EVALUATIONS = 20
TASKS = 1000


def write_inputs(folder: Path, rows: int) -> Path:
    """Models, evaluations and `rows` task results (runs of TASKS tasks) as native files."""
    con = duckdb.connect()
    con.execute(f"""COPY (SELECT 'model-' || i AS model, 'lab-' || (i % 7) AS creator,
                                 'Model ' || i AS display_name, DATE '2025-01-01' + CAST(i AS INTEGER) AS release_date
                          FROM range({MODELS}) t(i)) TO '{folder}/models.csv'""")
    con.execute(f"""COPY (SELECT 'eval-' || i AS evaluation, 'Evaluation ' || i AS name,
                                 'reasoning' AS category, 'single_turn' AS kind, {TASKS} AS n_tasks,
                                 'accuracy' AS scoring
                          FROM range({EVALUATIONS}) t(i)) TO '{folder}/evaluations.csv'""")
    # Row i is task i % TASKS of run i // TASKS; runs cycle through models, evaluations, repeats.
    con.execute(f"""COPY (
        SELECT 'model-' || (run % {MODELS}) AS model,
               'high' AS effort,
               'lab-' || ((run % {MODELS}) % 7) AS provider,
               'eval-' || ((run // {MODELS}) % {EVALUATIONS}) AS evaluation,
               CAST(1 + run // ({MODELS} * {EVALUATIONS}) AS INTEGER) AS "repeat",
               't' || (i % {TASKS}) AS task_id,
               CAST(hash(i) % 2 AS DOUBLE) AS score,
               CAST(500 + hash(i) % 4000 AS BIGINT) AS input_tokens,
               CAST(hash(i + 1) % 200 AS BIGINT) AS cached_input_tokens,
               CAST(0 AS BIGINT) AS cache_write_tokens,
               CAST(hash(i + 2) % 9000 AS BIGINT) AS reasoning_tokens,
               CAST(100 + hash(i + 3) % 900 AS BIGINT) AS answer_tokens,
               CAST(1 AS INTEGER) AS turns,
               hash(i) % 2 = 1 AS solved,
               (hash(i + 4) % 30000) / 1000.0 AS latency_s,
               TIMESTAMP '2026-09-01' + to_seconds(CAST(i // 100 AS BIGINT)) AS started_at,
               'anonymous' AS account
        FROM (SELECT i, i // {TASKS} AS run FROM range({rows}) t(i))
    ) TO '{folder}/runs.parquet' (FORMAT parquet)""")
    con.close()
    return folder / "runs.parquet"


def plain_duckdb(folder: Path, runs: Path) -> float:
    target = folder / "plain.duckdb"
    target.unlink(missing_ok=True)
    con = duckdb.connect(str(target))
    began = time.perf_counter()
    con.execute(f"CREATE TABLE task_results AS SELECT * FROM read_parquet('{runs}')")
    con.close()
    return time.perf_counter() - began


def benchhouse(folder: Path, runs: Path) -> float:
    home = folder / "warehouse"
    shutil.rmtree(home, ignore_errors=True)
    location = Location.resolve(str(home))
    ingest(location, "models", folder / "models.csv")
    ingest(location, "evaluations", folder / "evaluations.csv")
    began = time.perf_counter()
    result = ingest(location, "runs", runs)
    elapsed = time.perf_counter() - began
    assert result.rows_accepted == duckdb.sql(f"SELECT count(*) FROM '{runs}'").fetchone()[0]
    return elapsed


def measure(rows: int, repeats: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="benchhouse-bench-") as tmp:
        folder = Path(tmp)
        runs = write_inputs(folder, rows)
        ours, plain = [], []
        for repeat in range(repeats):
            plain.append(plain_duckdb(folder, runs))
            ours.append(benchhouse(folder, runs))
            print(f"repeat {repeat + 1}: benchhouse {ours[-1]:.2f} s, plain DuckDB {plain[-1]:.2f} s",
                  flush=True)
    figures = {"rows": rows, "repeats": repeats, "benchhouse": summary(ours), "plain_duckdb": summary(plain)}
    figures["rows_per_s"] = round(rows / figures["benchhouse"]["s"])
    figures["plain_rows_per_s"] = round(rows / figures["plain_duckdb"]["s"])
    figures["ratio"] = round(figures["benchhouse"]["s"] / figures["plain_duckdb"]["s"], 2)
    return figures


def print_table(f: dict) -> None:
    print(f"\n{f['rows']:,} task results from Parquet, median of {f['repeats']} runs")
    print("| loader | seconds | rows per second |")
    print("| --- | ---: | ---: |")
    print(f"| benchhouse ingest runs (validated, into DuckLake) | {f['benchhouse']['s']:.2f} | {f['rows_per_s']:,.0f} |")
    print(f"| plain DuckDB CREATE TABLE AS read_parquet | {f['plain_duckdb']['s']:.2f} | {f['plain_rows_per_s']:,.0f} |")
    print(f"\nratio benchhouse / plain DuckDB: {f['ratio']:.2f} (target at most 2.0); "
          f"rows per second {f['rows_per_s'] / 1e6:.2f} M (target at least 2.0 M)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    figures = measure(args.rows, args.repeats)
    print_table(figures)
    record("ingest", figures)


if __name__ == "__main__":
    main()
