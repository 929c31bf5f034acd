"""The metrics views over 10 million task results, against one hand-written DuckDB query computing
the same index and cost figures from the raw task results, in the same run.

    python bench/views_bench.py [--rows 10000000] [--repeats 5]

The warehouse holds 100 model variants, five evaluations of 1,000 tasks (the house index's, plus
two outside it) and repeats enough to reach --rows, with first-party and reseller prices, and the
index versions of warehouse/indices. Reported, as medians of --repeats runs:
  * every view, all rows (every variant, every as-of date);
  * intelligence_index and cost_to_run for one version and one as-of date, beside the
    hand-written query for those same figures.
Targets: every view under 2 s; the views at most 1.5x the hand-written query.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import duckdb

from harness import median, record, summary
from warehouse.connection import Location, connect
from warehouse.ingest import ingest, ingest_indices
from warehouse.migrate import view_files

VARIANTS = 100
TASKS = 1000
HOUSE_EVALUATIONS = Path(__file__).resolve().parents[1] / "warehouse" / "identity" / "evaluations.csv"
EVALUATIONS = ("gpqa-diamond", "math-level-5", "otis-mock-aime", "frontiermath", "mmlu-pro")
AS_OF = "2026-09-30"

HAND_WRITTEN = """
WITH run AS (
    SELECT t.run_id, any_value(r.model) AS model, any_value(r.effort) AS effort,
           any_value(r.evaluation) AS evaluation, avg(t.score) AS mean, count(*) AS tasks,
           sum(t.input_tokens) AS input_tokens, sum(t.cached_input_tokens) AS cached,
           sum(t.reasoning_tokens) AS reasoning, sum(t.answer_tokens) AS answer
    FROM task_results t JOIN eval_runs r USING (run_id)
    WHERE r.started_at < DATE '{as_of}' + INTERVAL 1 DAY
    GROUP BY t.run_id
),
per_eval AS (
    SELECT model, effort, evaluation, avg(mean) AS score, stddev_samp(mean) / sqrt(count(*)) AS se,
           avg(tasks) AS tasks, avg(input_tokens) AS input_tokens, avg(cached) AS cached,
           avg(reasoning) AS reasoning, avg(answer) AS answer
    FROM run GROUP BY ALL
),
price AS (
    SELECT p.model,
           min(p.usd_per_mtok) FILTER (WHERE token_type = 'input') AS input,
           min(p.usd_per_mtok) FILTER (WHERE token_type = 'output') AS output,
           min(p.usd_per_mtok) FILTER (WHERE token_type = 'cached_input') AS cached_input
    FROM prices p JOIN endpoints e USING (model, provider)
    WHERE e.first_party AND p.valid_from <= DATE '{as_of}' AND (p.valid_to IS NULL OR p.valid_to > DATE '{as_of}')
    GROUP BY p.model
)
SELECT e.model, e.effort,
       100 * sum(w.weight * e.score) AS "index",
       100 * 1.96 * sqrt(sum(w.weight * w.weight * e.se * e.se)) AS half_width,
       sum(e.input_tokens * p.input + e.cached * p.cached_input + (e.reasoning + e.answer) * p.output) / 1e6 AS total_usd,
       sum(w.weight * (e.input_tokens * p.input + e.cached * p.cached_input + (e.reasoning + e.answer) * p.output) / 1e6 / e.tasks) AS cost_per_task
FROM per_eval e
JOIN index_evaluations w ON w.evaluation = e.evaluation AND w.index_id = 'intelligence' AND w.version = '1'
JOIN price p USING (model)
GROUP BY e.model, e.effort
"""

VIEWS_FOR_THE_SAME_FIGURES = """
SELECT i.model, i.effort, i."index", c.total_usd, c.cost_per_task
FROM intelligence_index i
JOIN cost_to_run c USING (index_id, version, model, effort, as_of)
WHERE i.index_id = 'intelligence' AND i.version = '1' AND i.as_of = DATE '{as_of}'
"""


def build(folder: Path, rows: int) -> Location:
    location = Location.resolve(str(folder / "warehouse"))
    repeats = max(1, rows // (VARIANTS * len(EVALUATIONS) * TASKS))
    con = duckdb.connect()
    con.execute(f"""COPY (SELECT 'model-' || i AS model, 'lab-' || (i % 9) AS creator, 'Model ' || i AS display_name,
                                 DATE '2024-01-01' + CAST(i * 7 AS INTEGER) AS release_date
                          FROM range({VARIANTS // 2}) t(i)) TO '{folder}/models.csv'""")
    names = ", ".join(f"'{e}'" for e in EVALUATIONS)
    con.execute(f"""COPY (SELECT evaluation, evaluation AS name, 'reasoning' AS category, 'single_turn' AS kind,
                                 {TASKS} AS n_tasks, 'accuracy' AS scoring
                          FROM (SELECT unnest([{names}]) AS evaluation)) TO '{folder}/evaluations.csv'""")
    con.execute(f"""COPY (
        SELECT 'model-' || (v // 2) AS model, CASE WHEN v % 2 = 0 THEN 'low' ELSE 'high' END AS effort,
               'lab-' || ((v // 2) % 9) AS provider, [{names}][1 + e] AS evaluation,
               CAST(1 + r AS INTEGER) AS "repeat", 't' || k AS task_id,
               CAST(hash(v, e, r, k) % 100 < 30 + v % 60 AS DOUBLE) AS score,
               CAST(300 + hash(k, e) % 400 AS BIGINT) AS input_tokens,
               CAST(hash(k) % 100 AS BIGINT) AS cached_input_tokens,
               CAST((v % 2) * (hash(v, k, r) % 8000) AS BIGINT) AS reasoning_tokens,
               CAST(100 + hash(v, k) % 500 AS BIGINT) AS answer_tokens,
               TIMESTAMP '2026-06-01' + INTERVAL (r) DAY AS started_at,
               'anonymous' AS account
        FROM range({VARIANTS}) a(v), range({len(EVALUATIONS)}) b(e), range({repeats}) c(r), range({TASKS}) d(k)
    ) TO '{folder}/runs.parquet' (FORMAT parquet)""")
    con.execute(f"""COPY (
        SELECT 'model-' || i AS model, q.provider, p.token_type,
               round(p.base * q.markup * (1 + i % 5), 3) AS usd_per_mtok,
               DATE '2024-01-01' + CAST(i * 7 AS INTEGER) AS valid_from, NULL AS valid_to, 'bench' AS source
        FROM range({VARIANTS // 2}) t(i),
             (VALUES ('input', 1.0), ('output', 4.0), ('cached_input', 0.1)) p(token_type, base),
             LATERAL (SELECT 'lab-' || (i % 9) AS provider, 1.0 AS markup
                      UNION ALL SELECT 'reseller', 1.3) q
    ) TO '{folder}/prices.csv'""")
    ingest(location, "models", folder / "models.csv")
    ingest(location, "evaluations", folder / "evaluations.csv")
    # the house's other evaluations, unscored here: every index version must find its evaluations
    con.execute(f"""COPY (SELECT * FROM read_csv('{HOUSE_EVALUATIONS}', all_varchar = true)
                          WHERE evaluation NOT IN ({names})) TO '{folder}/house_evaluations.csv'""")
    ingest(location, "evaluations", folder / "house_evaluations.csv")
    ingest(location, "prices", folder / "prices.csv")
    ingest(location, "runs", folder / "runs.parquet")
    ingest_indices(location)
    return location


def timed(con: duckdb.DuckDBPyConnection, sql: str) -> float:
    began = time.perf_counter()
    con.execute(sql).fetchall()
    return time.perf_counter() - began


def measure(rows: int, repeats: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="benchhouse-views-") as tmp:
        location = build(Path(tmp), rows)
        con = connect(location, read_only=True)
        rows = con.execute("SELECT count(*) FROM task_results").fetchone()[0]
        views = [view for _, view, _, _ in view_files()]
        per_view = {v: [] for v in views}
        same, hand = [], []
        for repeat in range(repeats):
            for view in views:
                per_view[view].append(timed(con, f"SELECT * FROM {view}"))
            same.append(timed(con, VIEWS_FOR_THE_SAME_FIGURES.format(as_of=AS_OF)))
            hand.append(timed(con, HAND_WRITTEN.format(as_of=AS_OF)))
            print(f"repeat {repeat + 1}: every view {sum(t[-1] for t in per_view.values()):.2f} s, "
                  f"the same figures {same[-1]:.3f} s, hand-written {hand[-1]:.3f} s", flush=True)
        con.close()
    medians = {v: median(t) for v, t in per_view.items()}
    figures = {"rows": rows, "variants": VARIANTS, "repeats": repeats, "views": medians,
               "every_view_s": round(sum(medians.values()), 2), "slowest": max(medians, key=medians.get),
               "same_figures": summary(same), "hand_written": summary(hand)}
    figures["ratio"] = round(figures["same_figures"]["s"] / figures["hand_written"]["s"], 2)
    return figures


def print_table(f: dict) -> None:
    print(f"\n{f['rows']:,} task results, {f['variants']} variants; medians of {f['repeats']} runs\n")
    print("| view (all rows) | seconds |")
    print("| --- | ---: |")
    for view, seconds in f["views"].items():
        print(f"| {view} | {seconds:.3f} |")
    print(f"| **every view** | **{f['every_view_s']:.2f}** |")
    print(f"\nindex and cost to run, one version and as-of date: views {f['same_figures']['s']:.3f} s, "
          f"hand-written query over task_results {f['hand_written']['s']:.3f} s, ratio {f['ratio']:.2f} "
          f"(target at most 1.5)")
    print(f"every view: {f['every_view_s']:.2f} s (target under 2 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    figures = measure(args.rows, args.repeats)
    print_table(figures)
    record("views", figures)


if __name__ == "__main__":
    main()
