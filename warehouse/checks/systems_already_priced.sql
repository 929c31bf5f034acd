-- One row per input row repeating a cost already in the warehouse (same system, basis, day and
-- source): a cost is never overwritten; a new one carries a new date.
SELECT t._row,
       'priced_at' AS column_name,
       CAST(t.priced_at AS VARCHAR) AS value,
       'expected a new cost: ' || t.system || ' (' || t.cost_basis || ') from ' || t.source
           || ' was priced on that day in batch ' || s.batch_id AS reason
FROM typed t
JOIN systems s USING (system, cost_basis, priced_at, source)
WHERE s.batch_id NOT IN (SELECT batch_id FROM replaced_batches)
