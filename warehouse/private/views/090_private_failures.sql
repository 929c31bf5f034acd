-- One row per candidate variant, client evaluation and question it never solved in any attempt:
-- a failure example, with how many of the other candidates solved the question at least once (a
-- question every candidate fails says more about the question than about the model).
CREATE OR REPLACE TEMP VIEW private_failures AS
WITH by_question AS (
    SELECT evaluation, task_id, count(*) AS variants_tried,
           count(*) FILTER (WHERE solved_attempts > 0) AS variants_solved
    FROM private_questions
    GROUP BY ALL
)
SELECT q.model, q.effort, q.evaluation, q.task_id, q.attempts, q.mean_score,
       b.variants_solved AS solved_by_others, b.variants_tried - 1 AS others_tried
FROM private_questions q
JOIN by_question b USING (evaluation, task_id)
WHERE q.solved_attempts = 0;
