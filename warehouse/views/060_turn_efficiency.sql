-- One row per as-of date, model variant and agentic evaluation (docs/methodology.md, "Turn
-- efficiency", the house's own measure), over the runs started on or before the as-of date
-- (known_runs): pass@1 (share of attempts solved), pass^k (share of tasks solved in every one of
-- the k repeats; k is the fewest repeats any task has), turns per task, turns per solved task (all
-- turns over solved attempts) and cost per solved task (all cost over solved attempts, each run
-- priced at the end of the month it ran in).
CREATE OR REPLACE VIEW turn_efficiency AS
WITH agentic AS (
    SELECT r.* FROM known_runs r JOIN evaluations e USING (evaluation) WHERE e.kind = 'agentic'
),
run_cost AS (
    SELECT r.run_id,
           (coalesce(r.input_tokens, 0) * p.input_usd_per_mtok
            + coalesce(r.cached_input_tokens, 0) * p.cached_input_usd_per_mtok
            + coalesce(r.cache_write_tokens, 0) * p.cache_write_usd_per_mtok
            + coalesce(r.reasoning_tokens, 0) * p.reasoning_usd_per_mtok
            + coalesce(r.answer_tokens, 0) * p.answer_usd_per_mtok) / 1e6 AS usd
    FROM eval_runs r
    JOIN evaluations e USING (evaluation)
    LEFT JOIN token_prices p ON p.model = r.model AND p.as_of = last_day(CAST(r.started_at AS DATE))
    WHERE e.kind = 'agentic'
),
per_task AS (  -- each task of each run once, then counted over the runs known on each as-of date
    SELECT t.run_id, t.task_id, coalesce(t.solved, false) AS solved
    FROM task_results t
    SEMI JOIN (SELECT DISTINCT run_id FROM agentic) a ON a.run_id = t.run_id
),
task_record AS (
    SELECT a.as_of, a.model, a.effort, a.evaluation, p.task_id,
           count(*) AS attempts, bool_and(p.solved) AS solved_every_time
    FROM per_task p
    JOIN agentic a USING (run_id)
    GROUP BY ALL
),
pass_hat AS (
    SELECT as_of, model, effort, evaluation, min(attempts) AS k,
           avg(CAST(solved_every_time AS DOUBLE)) AS pass_hat_k
    FROM task_record
    GROUP BY ALL
)
SELECT a.as_of, a.model, a.effort, a.evaluation,
       count(*) AS runs,
       sum(a.solved) / sum(a.n_results) AS pass_at_1,
       any_value(h.k) AS k,
       any_value(h.pass_hat_k) AS pass_hat_k,
       sum(a.turns) / sum(a.n_results) AS turns_per_task,
       sum(a.turns) / nullif(sum(a.solved), 0) AS turns_per_solved_task,
       CASE WHEN count(c.usd) = count(*) THEN sum(c.usd) / nullif(sum(a.solved), 0) END AS cost_per_solved_task,
       CASE WHEN count(c.usd) = count(*) THEN sum(c.usd) / sum(a.n_results) END AS cost_per_task,
       max(a.counted_from) AS runs_through
FROM agentic a
LEFT JOIN run_cost c USING (run_id)
LEFT JOIN pass_hat h USING (as_of, model, effort, evaluation)
GROUP BY a.as_of, a.model, a.effort, a.evaluation;
COMMENT ON VIEW turn_efficiency IS 'Per as_of, model, effort, agentic evaluation, over runs started on or before as_of: runs, pass_at_1, k and pass_hat_k (all k repeats solved), turns_per_task, turns_per_solved_task, cost_per_solved_task, cost_per_task (USD; NULL where no price was valid when the run ran), runs_through (the latest run start counted).';
