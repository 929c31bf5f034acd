-- Pass@1 (mean score, 0-100) and mean tokens per task, per model variant and evaluation, in the
-- demo warehouse: a first look at what the house measured.
SELECT r.model, r.effort, r.evaluation,
       count(DISTINCT r."repeat") AS repeats,
       round(100 * avg(t.score), 1) AS pass_at_1,
       round(avg(t.input_tokens + t.cached_input_tokens)) AS input_per_task,
       round(avg(t.reasoning_tokens + t.answer_tokens)) AS output_per_task
FROM eval_runs r
JOIN task_results t USING (run_id)
WHERE r.evaluation = 'gpqa-diamond'
GROUP BY ALL
ORDER BY pass_at_1 DESC
