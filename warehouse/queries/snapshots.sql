-- One row per warehouse snapshot, oldest first, with the ingest batch that made it (if any).
SELECT s.snapshot_id,
       date_trunc('second', CAST(timezone('UTC', s.snapshot_time) AS TIMESTAMP)) AS committed_at,
       coalesce(b.kind, json_extract_string(s.commit_extra_info, '$.kind')) AS kind,
       b.batch_id,
       b.file_name,
       b.rows_accepted,
       b.rows_rejected,
       s.commit_message
FROM bh.snapshots() s
LEFT JOIN ingest_batches b ON b.snapshot_id = s.snapshot_id
ORDER BY s.snapshot_id
