-- One row per source (its latest batch) and raw name that a moving alias resolved, most rows
-- first: by date, to each snapshot the alias pointed to on the fact's days
-- (warehouse/identity/alias_history.csv); to the one snapshot its alias file names, for all time,
-- where no dated history is kept (a history to write, if the alias moved); or to nothing, on days
-- its history names no snapshot for. $source = '' for every source.
WITH latest AS (
    SELECT source, max(batch_id) AS batch_id FROM name_resolutions GROUP BY source
)
SELECT r.source, r.kind, r.raw_name, r.resolved_by AS resolved,
       string_agg(DISTINCT r.model, ', ' ORDER BY r.model) AS models, sum(r.rows) AS rows,
       CASE r.resolved_by
           WHEN 'alias by date' THEN 'each fact went to the snapshot the alias named on its days'
           WHEN 'moving alias' THEN 'no dated history: every fact goes to one snapshot, whatever its date'
           ELSE 'dated where the alias''s history names no snapshot: not loaded'
       END AS why
FROM name_resolutions r
JOIN latest USING (source, batch_id)
WHERE r.resolved_by IN ('alias by date', 'moving alias', 'alias outside its history')
  AND ($source = '' OR r.source = $source)
GROUP BY r.source, r.kind, r.raw_name, r.resolved_by
ORDER BY r.resolved_by, rows DESC, r.source, r.raw_name
