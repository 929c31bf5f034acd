-- One row per raw model name that resolved to nothing in the latest batch of each source
-- ($source = '' for every source), most rows first: names that match no model, aliases naming a
-- model not in the warehouse, facts under a moving alias dated where its history
-- (warehouse/identity/alias_history.csv) names no snapshot, a catalogue's records under a moving
-- alias on the days after the alias moved on (the record was the earlier snapshot's), and names a source's rules match to several models (ambiguous, with
-- the candidates), none of which were loaded.
WITH latest AS (
    SELECT source, max(batch_id) AS batch_id FROM name_resolutions GROUP BY source
)
SELECT r.source, r.kind, r.raw_name, sum(r.rows) AS rows,
       CASE any_value(r.resolved_by)
           WHEN 'alias-to-unknown-model' THEN 'an alias names a model that is not in the warehouse'
           WHEN 'alias outside its history' THEN 'a moving alias, on days its history names no snapshot for'
           WHEN 'alias moved after the record' THEN 'a catalogue''s record of a moving alias, on the days after the alias moved on'
           WHEN 'ambiguous' THEN 'matches several models: ' || array_to_string(any_value(r.candidates), ', ')
           ELSE 'no alias, no canonical model of this name' END AS why
FROM name_resolutions r
JOIN latest USING (source, batch_id)
WHERE r.resolved_by IN ('unresolved', 'alias-to-unknown-model', 'alias outside its history',
                        'alias moved after the record', 'ambiguous')
  AND ($source = '' OR r.source = $source)
GROUP BY r.source, r.kind, r.raw_name
ORDER BY r.source, rows DESC, r.raw_name
