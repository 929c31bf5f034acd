-- One row per source whose data is in the warehouse (the house's own native files count as one,
-- benchhouse): the version and licence of its latest batch, whether any of it is generated demo
-- data, and how many generated task results are present. A report's methodology appendix lists them.
CREATE OR REPLACE VIEW sources_used AS
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
GROUP BY name;
COMMENT ON VIEW sources_used IS 'Per source (benchhouse for the house''s own files): version and licence of its latest batch, generated (any generated batch), generated_rows (generated task results present).';
