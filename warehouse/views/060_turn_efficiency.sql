-- One row per model variant and agentic evaluation (docs/methodology.md, "Turn efficiency", the
-- house's own measure): pass@1 (share of attempts solved), pass^k (share of tasks solved in every
-- one of the k repeats; k is the fewest repeats any task has), turns per task, turns per solved
-- task (all turns over solved attempts) and cost per solved task (all cost over solved attempts,
-- each run priced at the end of the month it ran in).
CREATE OR REPLACE VIEW turn_efficiency AS
WITH agentic AS (
    SELECT r.* FROM eval_runs r JOIN evaluations e USING (evaluation) WHERE e.kind = 'agentic'
),
run_cost AS (
    SELECT a.run_id,
           (coalesce(a.input_tokens, 0) * p.input_usd_per_mtok
            + coalesce(a.cached_input_tokens, 0) * p.cached_input_usd_per_mtok
            + coalesce(a.cache_write_tokens, 0) * p.cache_write_usd_per_mtok
            + coalesce(a.reasoning_tokens, 0) * p.reasoning_usd_per_mtok
            + coalesce(a.answer_tokens, 0) * p.answer_usd_per_mtok) / 1e6 AS usd
    FROM agentic a
    LEFT JOIN token_prices p ON p.model = a.model AND p.as_of = last_day(CAST(a.started_at AS DATE))
),
per_task AS (
    SELECT a.model, a.effort, a.evaluation, t.task_id,
           count(*) AS attempts, bool_and(coalesce(t.solved, false)) AS solved_every_time
    FROM task_results t
    JOIN agentic a USING (run_id)
    GROUP BY ALL
),
pass_hat AS (
    SELECT model, effort, evaluation, min(attempts) AS k,
           avg(CAST(solved_every_time AS DOUBLE)) AS pass_hat_k
    FROM per_task
    GROUP BY ALL
)
SELECT a.model, a.effort, a.evaluation,
       count(*) AS runs,
       sum(a.solved) / sum(a.n_results) AS pass_at_1,
       any_value(h.k) AS k,
       any_value(h.pass_hat_k) AS pass_hat_k,
       sum(a.turns) / sum(a.n_results) AS turns_per_task,
       sum(a.turns) / nullif(sum(a.solved), 0) AS turns_per_solved_task,
       CASE WHEN count(c.usd) = count(*) THEN sum(c.usd) / nullif(sum(a.solved), 0) END AS cost_per_solved_task,
       CASE WHEN count(c.usd) = count(*) THEN sum(c.usd) / sum(a.n_results) END AS cost_per_task
FROM agentic a
LEFT JOIN run_cost c USING (run_id)
LEFT JOIN pass_hat h USING (model, effort, evaluation)
GROUP BY a.model, a.effort, a.evaluation;
COMMENT ON VIEW turn_efficiency IS 'Per model, effort, agentic evaluation: runs, pass_at_1, k and pass_hat_k (all k repeats solved), turns_per_task, turns_per_solved_task, cost_per_solved_task, cost_per_task (USD; NULL where no price was valid when the run ran).';
