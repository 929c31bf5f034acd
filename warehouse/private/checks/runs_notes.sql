-- One row per input row of a run whose rows carry different notes: a note belongs to the run (the
-- deployment it was asked for), so every row of the run says the same, or nothing.
WITH disagreeing AS (
    SELECT model, effort, provider, evaluation, "repeat"
    FROM typed
    GROUP BY ALL
    HAVING count(DISTINCT coalesce(note, '')) > 1
)
SELECT t._row, 'note' AS column_name, t.note AS value,
       'expected the same note on every row of the run ' || t.model || ' (' || t.effort || ') at '
           || t.provider || ' on ' || t.evaluation || ' repeat ' || t."repeat" AS reason
FROM typed t
JOIN disagreeing d USING (model, effort, provider, evaluation, "repeat")
