-- One row per kind of the client's data (evaluations, runs, workload): how many batches and rows
-- loaded it, how many of those rows were generated (demo data, disclosed in the report), and the
-- tenant snapshot of the latest batch.
CREATE OR REPLACE TEMP VIEW private_data AS
SELECT kind, count(*) AS batches, sum(rows_accepted) AS rows_loaded,
       coalesce(sum(rows_accepted) FILTER (WHERE generated), 0) AS generated_rows,
       max(snapshot_id) AS snapshot_id, max(ingested_at) AS last_ingested_at
FROM tenant.ingest_batches
GROUP BY kind;
