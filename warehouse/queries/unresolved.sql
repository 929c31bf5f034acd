-- One row per raw model name that resolved to nothing in the latest batch of each source
-- ($source = '' for every source), most rows first.
WITH latest AS (
    SELECT source, max(batch_id) AS batch_id FROM name_resolutions GROUP BY source
)
SELECT r.source, r.kind, r.raw_name, sum(r.rows) AS rows,
       CASE WHEN any_value(r.resolved_by) = 'alias-to-unknown-model'
            THEN 'an alias names a model that is not in the warehouse' ELSE 'no alias, no canonical model of this name' END AS why
FROM name_resolutions r
JOIN latest USING (source, batch_id)
WHERE r.resolved_by IN ('unresolved', 'alias-to-unknown-model')
  AND ($source = '' OR r.source = $source)
GROUP BY r.source, r.kind, r.raw_name
ORDER BY r.source, rows DESC, r.raw_name
