-- Load accepted task results (providers and endpoints are registered by endpoints.sql): register
-- variants on first sight, number the new runs after the largest run id (the writer lock makes that
-- safe), with their totals (what the views read), then the results.
CREATE OR REPLACE TEMP TABLE new_runs AS
SELECT $first_run_id - 1 + row_number() OVER (ORDER BY model, effort, provider, evaluation, "repeat") AS run_id,
       *
FROM (
    SELECT model, effort, provider, evaluation, "repeat",
           any_value(account) AS account,
           any_value(harness) AS harness,
           any_value(prompt_version) AS prompt_version,
           any_value(temperature) AS temperature,
           min(started_at) AS started_at,
           count(*) AS n_results,
           sum(score) AS score_sum,
           sum(score * score) AS score_sq_sum,
           sum(input_tokens) AS input_tokens,
           sum(cached_input_tokens) AS cached_input_tokens,
           sum(cache_write_tokens) AS cache_write_tokens,
           sum(reasoning_tokens) AS reasoning_tokens,
           sum(answer_tokens) AS answer_tokens,
           sum(turns) AS turns,
           sum(CAST(solved AS INTEGER)) AS solved
    FROM accepted
    GROUP BY model, effort, provider, evaluation, "repeat"
);

INSERT INTO model_variants
SELECT DISTINCT model, effort, $batch_id
FROM new_runs
ANTI JOIN model_variants USING (model, effort);

INSERT INTO eval_runs (run_id, model, effort, provider, evaluation, "repeat", account, harness,
                       prompt_version, temperature, started_at, n_results, batch_id, score_sum,
                       score_sq_sum, input_tokens, cached_input_tokens, cache_write_tokens,
                       reasoning_tokens, answer_tokens, turns, solved)
SELECT run_id, model, effort, provider, evaluation, "repeat", account, harness, prompt_version,
       temperature, started_at, n_results, $batch_id, score_sum, score_sq_sum, input_tokens,
       cached_input_tokens, cache_write_tokens, reasoning_tokens, answer_tokens, turns, solved
FROM new_runs;

INSERT INTO task_results
SELECT r.run_id, a.task_id, a.score, a.input_tokens, a.cached_input_tokens, a.cache_write_tokens,
       a.reasoning_tokens, a.answer_tokens, a.turns, a.solved, a.latency_s, a.started_at, a.tool_calls
FROM accepted a
JOIN new_runs r USING (model, effort, provider, evaluation, "repeat");
