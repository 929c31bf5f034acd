-- One row per input row whose run (model, effort, provider, evaluation, repeat) is already in
-- the warehouse: runs are never overwritten; a new pass of the same variant is a new repeat.
WITH loaded AS (
    SELECT r.model, r.effort, r.provider, r.evaluation, r."repeat", r.batch_id
    FROM eval_runs r
    SEMI JOIN (SELECT DISTINCT model, effort, provider, evaluation, "repeat" FROM typed) f
        USING (model, effort, provider, evaluation, "repeat")
    WHERE r.batch_id NOT IN (SELECT batch_id FROM replaced_batches)
)
SELECT t._row,
       'repeat' AS column_name,
       CAST(t."repeat" AS VARCHAR) AS value,
       'expected a new run: ' || t.model || ' (' || t.effort || ') at ' || t.provider || ' on '
           || t.evaluation || ' repeat ' || t."repeat" || ' was loaded in batch ' || l.batch_id
           || '; give a new pass the next repeat number' AS reason
FROM typed t
JOIN loaded l USING (model, effort, provider, evaluation, "repeat")
