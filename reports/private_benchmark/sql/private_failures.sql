-- Questions each candidate never solved on the chosen evaluations, those others solved first.
SELECT * FROM private_failures
WHERE list_contains($evaluations, evaluation)
ORDER BY evaluation, model, effort, solved_by_others DESC, task_id
