-- Every source whose data is in the warehouse at this snapshot, with its version and licence (of
-- its latest batch), and whether any of it was generated (demo data), for a report's methodology
-- appendix; generated_rows counts the generated task results present now. The house's own files
-- count as one source.
WITH named AS (
    SELECT CASE WHEN source = 'native' THEN 'benchhouse' ELSE source END AS name, *
    FROM ingest_batches
)
SELECT name AS source, arg_max(source_version, batch_id) AS version, arg_max(licence, batch_id) AS licence,
       bool_or(coalesce(generated, false)) AS generated,
       CASE WHEN bool_or(coalesce(generated, false)) THEN
           (SELECT sum(r.n_results) FROM eval_runs r JOIN ingest_batches g USING (batch_id) WHERE g.generated)
       END AS generated_rows
FROM named
GROUP BY name
ORDER BY name = 'benchhouse' DESC, name
