-- After the warehouse's load/runs.sql: keep each new run's note (one per run; checks/runs_notes.sql
-- refused a run whose rows disagree).
INSERT INTO run_notes
SELECT DISTINCT r.run_id, a.note, $batch_id
FROM accepted a
JOIN new_runs r USING (model, effort, provider, evaluation, "repeat")
WHERE a.note IS NOT NULL;
