-- One row per candidate variant, client evaluation and question (task): the question's mean score
-- over its repeats (the unit the clustered interval counts), its attempts and how many were solved.
-- An attempt without a `solved` value counts as solved when it scored 1.
CREATE OR REPLACE TEMP VIEW private_questions AS
SELECT r.model, r.effort, r.evaluation, t.task_id,
       count(*) AS attempts,
       avg(t.score) AS mean_score,
       count(*) FILTER (WHERE coalesce(t.solved, t.score = 1)) AS solved_attempts,
       bool_and(coalesce(t.solved, t.score = 1)) AS solved_every_time
FROM tenant.task_results t
JOIN tenant.eval_runs r USING (run_id)
GROUP BY r.model, r.effort, r.evaluation, t.task_id;
