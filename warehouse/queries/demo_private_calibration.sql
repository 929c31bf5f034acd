-- One row per candidate variant of the demo tenant ($models and $efforts, pairwise): what its
-- generated private runs are calibrated to. Its house score on GPQA Diamond (0-1) and its mean
-- reasoning and answer tokens per task there, from the house's runs in the warehouse; and whether
-- it is a reasoning model. The demo tenant's runs are generated from these, and marked generated.
WITH wanted AS (
    SELECT unnest($models) AS model, unnest($efforts) AS effort
),
runs AS (
    SELECT model, effort, sum(score_sum) / sum(n_results) AS mean,
           sum(coalesce(reasoning_tokens, 0)) / sum(n_results) AS reasoning_per_task,
           sum(coalesce(answer_tokens, 0)) / sum(n_results) AS answer_per_task
    FROM eval_runs
    WHERE evaluation = 'gpqa-diamond'
    GROUP BY ALL
)
SELECT w.model, w.effort, m.creator, r.mean, r.reasoning_per_task, r.answer_per_task,
       coalesce(rm.reasoning, false) AS reasoning
FROM wanted w
JOIN runs r USING (model, effort)
JOIN models m USING (model)
LEFT JOIN reasoning_models rm USING (model)
ORDER BY w.model, w.effort
