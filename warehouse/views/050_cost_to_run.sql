-- One row per intelligence index version, model variant and as-of date on which the model is on
-- sale: what one pass over every evaluation of the version costs (docs/methodology.md, "Cost to Run the
-- Intelligence Index"). A current view: a model retired by its creator on or before the as-of date
-- (model_buyable, the one rule of what is on sale) has no row from its shutdown day on, since it can no longer be run; the months
-- before keep it. Tokens of one pass are those of the runs started on or before the as-of date
-- (index_pass_tokens: the mean over repeats, not the sum). Each token type is priced on the as-of
-- date (token_prices, which holds the fallbacks for token types without a price of their own).
-- With no input or output price valid that day there is no cost, and price_note says so: a price
-- is never borrowed from another day.
CREATE OR REPLACE VIEW cost_to_run AS
WITH costed AS (
    SELECT p.index_id, p.version, p.model, p.effort, p.as_of, p.evaluation, p.weight, p.tasks,
           p.evaluations_in_version,
           p.input_tokens, p.cached_input_tokens, p.cache_write_tokens, p.reasoning_tokens, p.answer_tokens,
           pr.price_basis,
           pr.model IS NOT NULL AS priced,
           p.input_tokens * pr.input_usd_per_mtok / 1e6 AS input_usd,
           p.cached_input_tokens * pr.cached_input_usd_per_mtok / 1e6 AS cached_input_usd,
           p.cache_write_tokens * pr.cache_write_usd_per_mtok / 1e6 AS cache_write_usd,
           p.reasoning_tokens * pr.reasoning_usd_per_mtok / 1e6 AS reasoning_usd,
           p.answer_tokens * pr.answer_usd_per_mtok / 1e6 AS answer_usd
    FROM index_pass_tokens p
    JOIN model_buyable b ON b.model = p.model AND b.as_of = p.as_of AND b.buyable
    LEFT JOIN token_prices pr ON pr.model = p.model AND pr.as_of = p.as_of
),
variant AS (
    SELECT index_id, version, model, effort, as_of,
           count(*) = any_value(evaluations_in_version) AS complete,
           bool_and(coalesce(priced, false)) AS priced,
           any_value(price_basis) AS price_basis,
           sum(input_usd) AS input_usd, sum(cached_input_usd) AS cached_input_usd,
           sum(cache_write_usd) AS cache_write_usd, sum(reasoning_usd) AS reasoning_usd,
           sum(answer_usd) AS answer_usd,
           sum(input_tokens) AS input_tokens, sum(cached_input_tokens) AS cached_input_tokens,
           sum(cache_write_tokens) AS cache_write_tokens, sum(reasoning_tokens) AS reasoning_tokens,
           sum(answer_tokens) AS answer_tokens,
           sum(weight * (input_usd + cached_input_usd + cache_write_usd + reasoning_usd + answer_usd) / tasks)
               AS cost_per_task,
           sum(weight * (input_tokens + cached_input_tokens + cache_write_tokens + reasoning_tokens + answer_tokens) / tasks)
               AS tokens_per_task
    FROM costed
    GROUP BY ALL
)
SELECT index_id, version, model, effort, as_of, complete,
       CASE WHEN complete AND priced THEN input_usd + cached_input_usd + cache_write_usd + reasoning_usd + answer_usd END
           AS total_usd,
       CASE WHEN complete AND priced THEN input_usd END AS input_usd,
       CASE WHEN complete AND priced THEN cached_input_usd END AS cached_input_usd,
       CASE WHEN complete AND priced THEN cache_write_usd END AS cache_write_usd,
       CASE WHEN complete AND priced THEN reasoning_usd END AS reasoning_usd,
       CASE WHEN complete AND priced THEN answer_usd END AS answer_usd,
       input_tokens, cached_input_tokens, cache_write_tokens, reasoning_tokens, answer_tokens,
       CASE WHEN complete AND priced THEN cost_per_task END AS cost_per_task,
       CASE WHEN complete THEN tokens_per_task END AS tokens_per_task,
       reasoning_tokens + answer_tokens AS output_tokens,
       CASE WHEN priced THEN price_basis END AS price_basis,
       CASE WHEN NOT complete THEN 'no house runs on every evaluation of the version'
            WHEN NOT priced THEN 'no input and output price valid on ' || as_of END AS price_note
FROM variant;
COMMENT ON VIEW cost_to_run IS 'Per index_id, version, model, effort, as_of (runs started by then; models not retired that day): total_usd of one pass and its split (input_usd, cached_input_usd, cache_write_usd, reasoning_usd, answer_usd), tokens by type, cost_per_task and tokens_per_task (index-weighted), output_tokens (reasoning + answer), price_basis, price_note (why no cost).';
