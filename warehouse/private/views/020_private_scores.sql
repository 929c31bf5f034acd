-- One row per candidate variant and client evaluation: the score (0-100) with its 95% interval
-- clustered by question (the macro clustered_interval, warehouse/macros/020_clustered_interval.sql),
-- pass^k (the share of questions solved in every one of their attempts; k is the fewest attempts
-- any question had), tokens and turns per task (means per attempt), and the rank among the
-- candidates on that evaluation: 1 + the number of variants whose interval lies wholly above, so
-- that variants whose intervals overlap share a rank.
CREATE OR REPLACE TEMP VIEW private_scores AS
WITH questions AS (
    SELECT model, effort, evaluation,
           count(*) AS n_questions, avg(mean_score) AS mean, stddev_samp(mean_score) AS sd,
           min(attempts) AS k, max(attempts) AS max_attempts, sum(attempts) AS attempts,
           sum(solved_attempts) AS solved_attempts,
           avg(CAST(solved_every_time AS DOUBLE)) AS pass_hat_k
    FROM private_questions
    GROUP BY ALL
),
runs AS (
    SELECT model, effort, evaluation, count(*) AS runs,
           sum(coalesce(input_tokens, 0) + coalesce(cached_input_tokens, 0) + coalesce(cache_write_tokens, 0)
               + coalesce(reasoning_tokens, 0) + coalesce(answer_tokens, 0)) / sum(n_results) AS tokens_per_task,
           sum(coalesce(reasoning_tokens, 0) + coalesce(answer_tokens, 0)) / sum(n_results) AS output_tokens_per_task,
           sum(turns) / sum(n_results) AS turns_per_task
    FROM tenant.eval_runs
    GROUP BY ALL
),
scored AS (
    SELECT q.*, clustered_interval(q.n_questions, q.mean, q.sd) AS ci
    FROM questions q  -- Student's t at questions - 1 degrees of freedom, as the public eval_scores
)
SELECT s.model, s.effort, s.evaluation,
       100 * s.mean AS score, 100 * s.ci.low AS ci_low, 100 * s.ci.high AS ci_high,
       100 * s.ci.std_error AS std_error, s.ci.method AS ci_method,
       1 + (SELECT count(*) FROM scored o WHERE o.evaluation = s.evaluation AND o.ci.low > s.ci.high) AS rank,
       s.n_questions, s.k, s.max_attempts, s.attempts, s.solved_attempts, 100 * s.pass_hat_k AS pass_hat_k,
       r.runs, r.tokens_per_task, r.output_tokens_per_task, r.turns_per_task
FROM scored s
JOIN runs r USING (model, effort, evaluation);
