-- Record the batch and, with --allow-rejects, every rejected row with its reason.
INSERT INTO ingest_batches
VALUES ($batch_id, $kind, $source, $file_name, $file_sha256, $rows_accepted, $rows_rejected,
        $snapshot_id, CAST(now() AT TIME ZONE 'UTC' AS TIMESTAMP), $ingested_by);

INSERT INTO rejected_rows
SELECT $batch_id, _row, column_name, value, reason
FROM rejects
WHERE $keep_rejects;
