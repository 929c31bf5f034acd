-- One row per input row repeating an assessment already in the warehouse (same model, framework,
-- component and date): an assessment is never overwritten; a new one carries a new date.
SELECT t._row,
       'assessed_at' AS column_name,
       CAST(t.assessed_at AS VARCHAR) AS value,
       'expected a new assessment: ' || t.model || ' / ' || t.framework || ' / ' || t.component
           || ' was assessed on that date in batch ' || a.batch_id AS reason
FROM typed t
JOIN openness_assessments a USING (model, framework, component, assessed_at)
WHERE a.batch_id NOT IN (SELECT batch_id FROM replaced_batches)
