-- When the snapshot a report reads was committed.
SELECT snapshot_id, CAST(timezone('UTC', snapshot_time) AS TIMESTAMP) AS committed_at
FROM bh.snapshots()
WHERE snapshot_id = $snapshot
