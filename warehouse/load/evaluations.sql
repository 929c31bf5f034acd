-- Load accepted evaluation rows, each replacing the row of the same evaluation.
DELETE FROM evaluations WHERE evaluation IN (SELECT evaluation FROM accepted);

INSERT INTO evaluations (evaluation, name, category, kind, n_tasks, scoring, batch_id, repeats)
SELECT evaluation, name, category, kind, n_tasks, scoring, $batch_id, repeats
FROM accepted;
