-- Every source whose data is in the warehouse at this snapshot, with its version and licence, and
-- whether any of it was generated (demo data), for a report's methodology appendix. The house's
-- own files count as one source.
WITH named AS (
    SELECT CASE WHEN source = 'native' THEN 'benchhouse' ELSE source END AS name, *
    FROM ingest_batches
)
SELECT name AS source, max(source_version) AS version, any_value(licence) AS licence,
       bool_or(coalesce(generated, false)) AS generated,
       sum(rows_accepted) FILTER (WHERE coalesce(generated, false)) AS generated_rows,
       sum(rows_accepted) AS rows
FROM named
GROUP BY name
ORDER BY name = 'benchhouse' DESC, name
