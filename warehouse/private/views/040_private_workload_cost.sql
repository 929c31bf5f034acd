-- One row per as-of date, candidate variant and use case of the client's workload: what a month of
-- it costs at that day's prices: each token type's workload_usd_per_month (warehouse/macros/
-- 050_workload_cost.sql, the one definition of a workload's month) at that type's price
-- (bh.token_prices). One basis: where the use case names a client evaluation the variant ran, every
-- token type is the variant's own per task there (input, cached input, cache writes, reasoning,
-- answer: the tokens private_task_costs prices, so a month is requests x that cost per task); where
-- it names none (or the variant has no runs on it), the client's stated tokens. token_basis says
-- which. stated_usd_per_month is the month at the client's stated tokens whatever the basis: the
-- sensitivity the report prints beside it. Unpriced that day: no cost. A model that cannot be bought
-- that day (private_lifecycle, from the public model_buyable: the one rule for what is on sale) is
-- not priced either: a month of it cannot be bought.
CREATE OR REPLACE TEMP VIEW private_workload_cost AS
WITH candidates AS (
    SELECT DISTINCT model, effort FROM tenant.eval_runs
),
measured AS (
    SELECT model, effort, evaluation,
           sum(coalesce(input_tokens, 0)) / sum(n_results) AS input_tokens,
           sum(coalesce(cached_input_tokens, 0)) / sum(n_results) AS cached_input_tokens,
           sum(coalesce(cache_write_tokens, 0)) / sum(n_results) AS cache_write_tokens,
           sum(coalesce(reasoning_tokens, 0)) / sum(n_results) AS reasoning_tokens,
           sum(coalesce(answer_tokens, 0)) / sum(n_results) AS answer_tokens
    FROM tenant.eval_runs
    GROUP BY ALL
),
per_request AS (
    SELECT c.model, c.effort, w.use_case, w.description, w.evaluation, w.requests_per_month,
           CASE WHEN m.model IS NULL THEN w.input_tokens ELSE m.input_tokens END AS input_tokens,
           CASE WHEN m.model IS NULL THEN w.cached_input_tokens ELSE m.cached_input_tokens END AS cached_input_tokens,
           CASE WHEN m.model IS NULL THEN w.cache_write_tokens ELSE m.cache_write_tokens END AS cache_write_tokens,
           CASE WHEN m.model IS NULL THEN w.reasoning_tokens ELSE m.reasoning_tokens END AS reasoning_tokens,
           CASE WHEN m.model IS NULL THEN w.answer_tokens ELSE m.answer_tokens END AS answer_tokens,
           w.input_tokens AS stated_input_tokens, w.cached_input_tokens AS stated_cached_input_tokens,
           w.cache_write_tokens AS stated_cache_write_tokens, w.reasoning_tokens AS stated_reasoning_tokens,
           w.answer_tokens AS stated_answer_tokens,
           CASE WHEN w.evaluation IS NULL THEN 'stated'
                WHEN m.model IS NULL THEN 'stated (no runs on ' || w.evaluation || ')'
                ELSE 'measured on ' || w.evaluation END AS token_basis
    FROM candidates c
    CROSS JOIN tenant.workload w
    LEFT JOIN measured m ON m.model = c.model AND m.effort = c.effort AND m.evaluation = w.evaluation
),
costed AS (
    SELECT cal.as_of, r.*, p.price_basis, l.buyable, l.why,
           workload_usd_per_month(r.requests_per_month, r.input_tokens, p.input_usd_per_mtok) AS input_usd,
           workload_usd_per_month(r.requests_per_month, r.cached_input_tokens, p.cached_input_usd_per_mtok) AS cached_input_usd,
           workload_usd_per_month(r.requests_per_month, r.cache_write_tokens, p.cache_write_usd_per_mtok) AS cache_write_usd,
           workload_usd_per_month(r.requests_per_month, r.reasoning_tokens, p.reasoning_usd_per_mtok) AS reasoning_usd,
           workload_usd_per_month(r.requests_per_month, r.answer_tokens, p.answer_usd_per_mtok) AS answer_usd,
           workload_usd_per_month(r.requests_per_month, r.stated_input_tokens, p.input_usd_per_mtok)
           + workload_usd_per_month(r.requests_per_month, r.stated_cached_input_tokens, p.cached_input_usd_per_mtok)
           + workload_usd_per_month(r.requests_per_month, r.stated_cache_write_tokens, p.cache_write_usd_per_mtok)
           + workload_usd_per_month(r.requests_per_month, r.stated_reasoning_tokens, p.reasoning_usd_per_mtok)
           + workload_usd_per_month(r.requests_per_month, r.stated_answer_tokens, p.answer_usd_per_mtok)
             AS stated_usd_per_month
    FROM per_request r
    CROSS JOIN bh.calendar cal
    LEFT JOIN private_lifecycle l ON l.model = r.model AND l.as_of = cal.as_of
    LEFT JOIN bh.token_prices p ON p.model = r.model AND p.as_of = cal.as_of AND l.buyable
)
SELECT * EXCLUDE (buyable, why),
       input_usd + cached_input_usd + cache_write_usd + reasoning_usd + answer_usd AS usd_per_month,
       CASE WHEN NOT buyable THEN why || ': not on sale'
            WHEN price_basis IS NULL THEN 'no input and output price valid on ' || as_of END AS price_note
FROM costed;
