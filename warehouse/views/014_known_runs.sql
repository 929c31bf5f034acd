-- One row per as-of date and house run counted on that date: a run counts from the moment it
-- started, so every figure as of a day reads only the runs started on or before it, and a quarter's
-- figures never change when later runs arrive (a published index version does not drift). A run
-- without a start time counts from when its batch was loaded (ingest_batches.ingested_at): the
-- house knew of it no earlier.
CREATE OR REPLACE VIEW known_runs AS
WITH runs AS (
    SELECT r.*, coalesce(r.started_at, b.ingested_at) AS counted_from
    FROM eval_runs r
    JOIN ingest_batches b USING (batch_id)
    WHERE r.n_results > 0
)
SELECT c.as_of, runs.*
FROM calendar c
JOIN runs ON runs.counted_from < CAST(c.as_of AS TIMESTAMP) + INTERVAL 1 DAY;
COMMENT ON VIEW known_runs IS 'Per as_of and house run started on or before that day (counted_from: started_at, else when its batch was loaded): every column of eval_runs. The runs any figure as of that date may count.';
