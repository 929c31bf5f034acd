-- Load accepted evaluation rows, each replacing the row of the same evaluation.
DELETE FROM evaluations WHERE evaluation IN (SELECT evaluation FROM accepted);

INSERT INTO evaluations
SELECT evaluation, name, category, kind, n_tasks, scoring, $batch_id
FROM accepted;
