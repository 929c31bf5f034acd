-- Record the batch: where it came from, its hash, its rows and the snapshot it makes.
INSERT INTO ingest_batches (batch_id, kind, source, file_name, file_sha256, rows_accepted, rows_rejected,
                            snapshot_id, ingested_at, ingested_by, source_version, licence, generated,
                            attribution, source_name)
VALUES ($batch_id, $kind, $source, $file_name, $file_sha256, $rows_accepted, $rows_rejected,
        $snapshot_id, CAST(now() AT TIME ZONE 'UTC' AS TIMESTAMP), $ingested_by, $source_version,
        $licence, $generated, $attribution, $source_name);
