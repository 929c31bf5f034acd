-- One row per as-of date, candidate variant and client evaluation: what the client's tasks cost at
-- that day's prices (bh.token_prices, with its fallbacks for cached input, cache writes and
-- reasoning): cost per task (all attempts' tokens priced, over attempts) and cost per solved task
-- (the same cost over solved attempts). With no input and output price valid that day there is no
-- cost, and price_note says so.
CREATE OR REPLACE TEMP VIEW private_task_costs AS
WITH totals AS (
    SELECT r.model, r.effort, r.evaluation, sum(r.n_results) AS attempts,
           sum(coalesce(r.input_tokens, 0)) AS input_tokens,
           sum(coalesce(r.cached_input_tokens, 0)) AS cached_input_tokens,
           sum(coalesce(r.cache_write_tokens, 0)) AS cache_write_tokens,
           sum(coalesce(r.reasoning_tokens, 0)) AS reasoning_tokens,
           sum(coalesce(r.answer_tokens, 0)) AS answer_tokens
    FROM tenant.eval_runs r
    GROUP BY ALL
),
solved AS (
    SELECT model, effort, evaluation, sum(solved_attempts) AS solved_attempts
    FROM private_questions
    GROUP BY ALL
),
costed AS (
    SELECT c.as_of, t.model, t.effort, t.evaluation, t.attempts, s.solved_attempts, p.price_basis,
           (t.input_tokens * p.input_usd_per_mtok + t.cached_input_tokens * p.cached_input_usd_per_mtok
            + t.cache_write_tokens * p.cache_write_usd_per_mtok + t.reasoning_tokens * p.reasoning_usd_per_mtok
            + t.answer_tokens * p.answer_usd_per_mtok) / 1e6 AS total_usd
    FROM totals t
    JOIN solved s USING (model, effort, evaluation)
    CROSS JOIN bh.calendar c
    LEFT JOIN bh.token_prices p ON p.model = t.model AND p.as_of = c.as_of
)
SELECT as_of, model, effort, evaluation, attempts, solved_attempts, price_basis, total_usd,
       total_usd / attempts AS cost_per_task,
       total_usd / nullif(solved_attempts, 0) AS cost_per_solved_task,
       CASE WHEN total_usd IS NULL THEN 'no input and output price valid on ' || as_of END AS price_note
FROM costed;
