-- One row per source whose data is in the warehouse (the house's own native files count as one,
-- benchhouse): the version, licence and attribution of its latest batch, whether any of it is generated demo
-- data, how many generated task results are present, and how many of its published scores are the
-- labs' claims about their own models (not independently verified, which the appendix says beside
-- the source). A report's methodology appendix lists them.
CREATE OR REPLACE VIEW sources_used AS
WITH named AS (
    SELECT CASE WHEN source = 'native' THEN 'benchhouse' ELSE source END AS name, *
    FROM ingest_batches
)
SELECT name AS source, coalesce(arg_max(source_name, batch_id) FILTER (WHERE source_name IS NOT NULL), name) AS display_name,
       arg_max(source_version, batch_id) AS version, arg_max(licence, batch_id) AS licence,
       arg_max(attribution, batch_id) AS attribution, max(batch_id) AS latest_batch,
       CAST(max(ingested_at) AS DATE) AS loaded_on,
       bool_or(coalesce(generated, false)) AS generated,
       CASE WHEN bool_or(coalesce(generated, false)) THEN
           (SELECT sum(r.n_results) FROM eval_runs r JOIN ingest_batches g USING (batch_id) WHERE g.generated)
       END AS generated_rows,
       coalesce(sum(c.claimed), 0) AS claimed_rows
FROM named
LEFT JOIN (SELECT batch_id, count(*) FILTER (WHERE provenance = 'claimed') AS claimed
           FROM published_aggregates GROUP BY batch_id) c USING (batch_id)
GROUP BY name;
COMMENT ON VIEW sources_used IS 'Per source (benchhouse for the house''s own files): display_name (as reports print it; the command-line name for batches loaded before names were recorded), version, licence and attribution (as the licence asks it printed) of its latest batch, latest_batch (its ingest_batches id), loaded_on (the day it was loaded), generated (any generated batch), generated_rows (generated task results present), claimed_rows (published scores the model''s own lab reported: not independently verified).';
