-- One row per model variant and evaluation the demo generator writes runs for: the published mean
-- it is calibrated to, the tokens and turns it should show, and the first day the house could have
-- run it. Only pairs with a real published score ($evaluations lists the evaluations wanted) get
-- runs, and only measured scores calibrate (Epoch AI's hub, τ²-bench runs by Sierra, LiveBench):
-- a lab's claim about its own model never becomes a house figure, even a generated one.
--
-- Tokens per task come from published usage (Epoch AI's eval token usage), in this order:
--   1. the variant's own usage on the evaluation;
--   2. the same model's usage at its nearest other effort of the same kind (levels, or thinking
--      budgets), scaled by the effort factor;
--   3. the evaluation's median for the variant's class (reasoning or not), else the house's prior
--      (`priors`: FrontierMath, the agentic and the LiveBench evaluations have no published token
--      counts), times the effort factor and the model's verbosity where published usage shows it
--      (its tokens against the medians, over every evaluation it has usage on; the generator draws
--      one for a model nobody published usage for).
-- The effort factor: each step up the levels (none < minimal < low < medium < high < xhigh < max)
-- multiplies tokens by the geometric mean of the step ratios published usage shows for one model
-- and evaluation (Epoch AI's and Aider's runs), 1.6 where none is published; a thinking budget
-- scales tokens by the square root of its size (the house's assumption: no source publishes two
-- budgets of one model). The generator then makes tokens non-decreasing in effort and refuses a
-- calibration where they are not (warehouse/generate.py).
--
-- A run starts on or after the model's release (else the day a source first published its score)
-- and on or after the day the evaluation's questions were public (`available_from`).
WITH priors(evaluation, input_per_turn, output_plain, output_reasoning, turns, concentration,
            available_from) AS (
    VALUES ('gpqa-diamond', NULL, NULL, NULL, 1, 2.0, DATE '2023-11-20'),
           ('math-level-5', NULL, NULL, NULL, 1, 2.0, DATE '2021-03-05'),
           ('otis-mock-aime', NULL, NULL, NULL, 1, 2.0, DATE '2025-02-01'),
           ('frontiermath', 600, 2500, 25000, 1, 2.0, DATE '2025-02-28'),
           ('swe-bench-verified', 9000, 6000, 18000, 30, 2.0, DATE '2024-08-13'),
           ('tau2-airline', 3500, 1500, 6000, 12, NULL, DATE '2025-06-09'),
           ('livebench-reasoning', 700, 900, 9000, 1, 2.0, DATE '2026-01-08'),
           ('livebench-language', 900, 700, 6000, 1, 2.0, DATE '2026-01-08'),
           ('livebench-mathematics', 400, 1200, 12000, 1, 2.0, DATE '2026-01-08'),
           ('livebench-coding', 1200, 900, 8000, 1, 2.0, DATE '2026-01-08'),
           ('livebench-agentic-coding', 8000, 2500, 9000, 25, 2.0, DATE '2026-01-08')
),
levels(effort, step) AS (
    VALUES ('none', 0), ('minimal', 1), ('low', 2), ('medium', 3), ('high', 4), ('xhigh', 5), ('max', 6)
),
scores AS (
    SELECT model, effort, evaluation, avg(mean) AS mean, avg(std_error) AS std_error,
           min(measured_at) AS first_published
    FROM published_aggregates
    WHERE metric = 'accuracy' AND source IN ('epoch-hub', 'tau2-bench', 'livebench')
      AND coalesce(provenance, 'measured') = 'measured'
      AND list_contains($evaluations, evaluation)
    GROUP BY ALL
),
pass_hat_4 AS (
    SELECT model, effort, evaluation, avg(mean) AS pass_hat_4
    FROM published_aggregates
    WHERE metric = 'pass-hat-4' AND coalesce(provenance, 'measured') = 'measured'
    GROUP BY ALL
),
variants AS (  -- 'none' never reasons; 'default' reasons when the catalogue or the family says so
    SELECT s.*, m.creator, m.release_date,
           s.effort <> 'none'
           AND (s.effort <> 'default'
                OR coalesce(m.reasoning, regexp_matches(s.model,
                    '^(o1|o3|o4|deepseek-r1|qwq|gpt-5|gemini-2\.5|gemini-3|grok-3-mini|grok-4|magistral)')))
               AS reasoning
    FROM scores s
    JOIN models m USING (model)
),
kinds AS (  -- which chain an effort belongs to, and its place on it
    SELECT DISTINCT effort,
           CASE WHEN effort IN (SELECT effort FROM levels) THEN 'level'
                WHEN regexp_full_match(effort, 'budget-[0-9]+k') THEN 'budget' END AS chain,
           coalesce((SELECT step FROM levels l WHERE l.effort = v.effort),
                    TRY_CAST(regexp_extract(effort, '[0-9]+') AS DOUBLE)) AS step
    FROM (SELECT effort FROM variants UNION SELECT effort FROM published_usage) v
),
usage AS (
    SELECT model, effort, evaluation,
           sum(input_tokens) / sum(samples) AS input_per_task,
           sum(output_tokens) / sum(samples) AS output_per_task
    FROM published_usage
    WHERE source = 'epoch-token-usage' AND samples > 0
    GROUP BY ALL
),
step_ratios AS (  -- published usage of one model and evaluation at two levels: the ratio per step
    SELECT ln(b.output_per_task / a.output_per_task) / (kb.step - ka.step) AS log_ratio
    FROM (SELECT model, effort, evaluation, output_tokens / samples AS output_per_task FROM published_usage
          WHERE output_tokens > 0 AND samples > 0) a
    JOIN (SELECT model, effort, evaluation, output_tokens / samples AS output_per_task FROM published_usage
          WHERE output_tokens > 0 AND samples > 0) b USING (model, evaluation)
    JOIN kinds ka ON ka.effort = a.effort
    JOIN kinds kb ON kb.effort = b.effort
    WHERE ka.chain = 'level' AND kb.chain = 'level' AND ka.step < kb.step AND ka.effort <> 'none'
),
factors AS (  -- tokens at an effort relative to the reference (medium, 32k, or an unordered effort)
    SELECT k.effort AS effort_of, k.chain, k.step,
           CASE WHEN k.effort = 'none' THEN 1.0  -- the plain class is its reference
           ELSE CASE k.chain
               WHEN 'level' THEN exp((k.step - 3) * coalesce((SELECT avg(log_ratio) FROM step_ratios), ln(1.6)))
               WHEN 'budget' THEN sqrt(k.step / 32)
               ELSE 1.0 END END AS factor
    FROM kinds k
),
eval_median AS (
    SELECT evaluation, median(input_per_task) AS input_median, median(output_per_task) AS output_median
    FROM usage GROUP BY ALL
),
verbosity AS (  -- how much more a model writes than the median variant at its effort, over its usage
    SELECT u.model, exp(avg(ln(u.output_per_task / (e.output_median * f.factor)))) AS factor
    FROM usage u
    JOIN eval_median e USING (evaluation)
    JOIN factors f ON f.effort_of = u.effort
    GROUP BY ALL
),
class_median AS (
    SELECT u.evaluation, v.reasoning, median(u.output_per_task) AS output_median
    FROM usage u JOIN variants v USING (model, effort, evaluation)
    GROUP BY ALL
),
nearest AS (  -- the same model's published usage at the nearest effort of the same chain, rescaled
    SELECT v.model, v.effort, v.evaluation,
           arg_min(u.output_per_task * fv.factor / fu.factor, abs(fu.step - fv.step)) AS output_per_task
    FROM variants v
    JOIN factors fv ON fv.effort_of = v.effort
    JOIN usage u ON u.model = v.model AND u.evaluation = v.evaluation AND u.effort <> v.effort
    JOIN factors fu ON fu.effort_of = u.effort AND fu.chain = fv.chain
    WHERE 'none' NOT IN (u.effort, v.effort)  -- the plain mode scales from no reasoning effort
    GROUP BY ALL
),
turns_seen AS (  -- turns per task on tau-bench airline, where real per-trial data exists
    SELECT avg(t.turns) AS turns
    FROM task_results t JOIN eval_runs r USING (run_id)
    WHERE r.evaluation = 'tau-bench-airline'
),
endpoint AS (  -- the creator's own API when it sells the model, else the provider with most prices, the
              -- first by name among as many (without it, two builds of the demo named different ones)
    SELECT model, arg_min(provider, (provider <> creator, -n, provider)) AS provider
    FROM (SELECT p.model, p.provider, m.creator, count(*) AS n
          FROM prices p JOIN models m USING (model) GROUP BY ALL)
    GROUP BY model
)
SELECT v.model, v.effort, v.evaluation, v.creator, v.reasoning,
       coalesce(ep.provider, v.creator) AS provider,
       v.mean, v.std_error, e.n_tasks, e.kind,
       e.repeats,  -- the house's protocol on the evaluation (warehouse/identity/evaluations.csv)
       coalesce(p.concentration, 2.0) AS concentration,
       h.pass_hat_4,
       coalesce(u.input_per_task, em.input_median, p.input_per_turn) AS input_per_turn,
       coalesce(u.output_per_task, nu.output_per_task,
                coalesce(cm.output_median, CASE WHEN v.reasoning THEN p.output_reasoning ELSE p.output_plain END)
                * f.factor * coalesce(vb.factor, 1.0)) AS output_per_task,
       u.output_per_task IS NOT NULL OR nu.output_per_task IS NOT NULL OR vb.factor IS NOT NULL AS usage_published,
       f.chain AS effort_chain, f.step AS effort_step,
       CASE WHEN v.evaluation = 'tau2-airline' THEN coalesce((SELECT turns FROM turns_seen), p.turns)
            ELSE p.turns END AS turns,
       greatest(coalesce(v.release_date, v.first_published, DATE '2026-07-01'), p.available_from) AS not_before
FROM variants v
JOIN evaluations e USING (evaluation)
JOIN priors p USING (evaluation)
JOIN factors f ON f.effort_of = v.effort
LEFT JOIN pass_hat_4 h USING (model, effort, evaluation)
LEFT JOIN usage u USING (model, effort, evaluation)
LEFT JOIN nearest nu USING (model, effort, evaluation)
LEFT JOIN eval_median em USING (evaluation)
LEFT JOIN verbosity vb USING (model)
LEFT JOIN class_median cm ON cm.evaluation = v.evaluation AND cm.reasoning = v.reasoning
LEFT JOIN endpoint ep USING (model)
ORDER BY v.evaluation, v.model, v.effort
