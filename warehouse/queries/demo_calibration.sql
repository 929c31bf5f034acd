-- One row per model variant and evaluation the demo generator writes runs for: the published mean
-- it is calibrated to, and the tokens, turns and repeat consistency it should show. Only pairs
-- with a real published score ($evaluations lists the evaluations wanted) get runs.
--
-- Tokens per task come from Epoch AI's eval token usage for the same variant and evaluation;
-- failing that, from the variant's usage on another evaluation scaled by how the evaluations
-- differ in the median; failing that, from the median of variants of the same class (reasoning or
-- not). FrontierMath and the agentic evaluations have no published token counts: the `priors`
-- below are the house's assumptions for them, and the demo discloses that the runs are generated.
WITH priors(evaluation, input_per_turn, output_plain, output_reasoning, turns, repeats, concentration) AS (
    VALUES ('gpqa-diamond', NULL, NULL, NULL, 1, 3, 2.0),
           ('math-level-5', NULL, NULL, NULL, 1, 3, 2.0),
           ('otis-mock-aime', NULL, NULL, NULL, 1, 8, 2.0),
           ('frontiermath', 600, 2500, 25000, 1, 3, 2.0),
           ('swe-bench-verified', 9000, 6000, 18000, 30, 3, 2.0),
           ('tau2-airline', 3500, 1500, 6000, 12, 4, NULL)
),
scores AS (
    SELECT model, effort, evaluation, avg(mean) AS mean, avg(std_error) AS std_error
    FROM published_aggregates
    WHERE metric = 'accuracy' AND source IN ('epoch-hub', 'tau2-bench')
      AND list_contains($evaluations, evaluation)
    GROUP BY ALL
),
pass_hat_4 AS (
    SELECT model, effort, evaluation, avg(mean) AS pass_hat_4
    FROM published_aggregates
    WHERE metric = 'pass-hat-4'
    GROUP BY ALL
),
variants AS (
    SELECT s.*, m.creator,
           s.effort NOT IN ('default', 'none')
           OR regexp_matches(s.model, '^(o1|o3|o4|deepseek-r1|qwq|gpt-5|gemini-2\.5|gemini-3|grok-3-mini|grok-4|magistral)')
               AS reasoning
    FROM scores s
    JOIN models m USING (model)
),
usage AS (
    SELECT model, effort, evaluation,
           sum(input_tokens) / sum(samples) AS input_per_task,
           sum(output_tokens) / sum(samples) AS output_per_task
    FROM published_usage
    WHERE source = 'epoch-token-usage' AND samples > 0
    GROUP BY ALL
),
eval_median AS (
    SELECT evaluation, median(input_per_task) AS input_median, median(output_per_task) AS output_median
    FROM usage GROUP BY ALL
),
verbosity AS (  -- how much more a variant writes than the median variant, over its evaluations
    SELECT model, effort, exp(avg(ln(u.output_per_task / e.output_median))) AS factor
    FROM usage u JOIN eval_median e USING (evaluation)
    GROUP BY ALL
),
class_median AS (
    SELECT u.evaluation, v.reasoning, median(u.output_per_task) AS output_median
    FROM usage u JOIN variants v USING (model, effort, evaluation)
    GROUP BY ALL
),
turns_seen AS (  -- turns per task on tau-bench airline, where real per-trial data exists
    SELECT avg(t.turns) AS turns
    FROM task_results t JOIN eval_runs r USING (run_id)
    WHERE r.evaluation = 'tau-bench-airline'
),
endpoint AS (  -- the creator's own API when it sells the model, else the provider with most prices
    SELECT model, arg_max(provider, (provider = creator, n)) AS provider
    FROM (SELECT p.model, p.provider, m.creator, count(*) AS n
          FROM prices p JOIN models m USING (model) GROUP BY ALL)
    GROUP BY model
)
SELECT v.model, v.effort, v.evaluation, v.creator, v.reasoning,
       coalesce(ep.provider, v.creator) AS provider,
       v.mean, v.std_error, e.n_tasks, e.kind,
       p.repeats,
       coalesce(p.concentration, 2.0) AS concentration,
       h.pass_hat_4,
       coalesce(u.input_per_task, em.input_median, p.input_per_turn) AS input_per_turn,
       coalesce(u.output_per_task,
                em.output_median * vb.factor,
                cm.output_median,
                CASE WHEN v.reasoning THEN p.output_reasoning ELSE p.output_plain END) AS output_per_task,
       CASE WHEN v.evaluation = 'tau2-airline' THEN coalesce((SELECT turns FROM turns_seen), p.turns)
            ELSE p.turns END AS turns,
       u.output_per_task IS NOT NULL OR vb.factor IS NOT NULL AS usage_published
FROM variants v
JOIN evaluations e USING (evaluation)
JOIN priors p USING (evaluation)
LEFT JOIN pass_hat_4 h USING (model, effort, evaluation)
LEFT JOIN usage u USING (model, effort, evaluation)
LEFT JOIN eval_median em USING (evaluation)
LEFT JOIN verbosity vb USING (model, effort)
LEFT JOIN class_median cm ON cm.evaluation = v.evaluation AND cm.reasoning = v.reasoning
LEFT JOIN endpoint ep USING (model)
ORDER BY v.evaluation, v.model, v.effort
