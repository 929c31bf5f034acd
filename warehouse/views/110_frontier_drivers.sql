-- One row per intelligence index version, scores date (scores_as_of: the runs that decide the index)
-- and quarter end up to it at which the frontier variant has a cost per task: what moved the
-- frontier's spend. Which variant held the frontier (frontier_spend), its
-- blended price per million tokens, tokens per task, turns per task on agentic evaluations where the
-- house ran it (mean over them, from turn_efficiency), and each one's change since the first such
-- quarter.
CREATE OR REPLACE VIEW frontier_drivers AS
WITH quarters AS (
    SELECT f.index_id, f.version, f.scores_as_of, f.as_of, f.model, f.effort, m.name AS display_name, f.cost_per_task,
           f.tokens_per_task, b.blended_usd_per_mtok
    FROM frontier_spend f
    JOIN model_names m USING (model)
    LEFT JOIN blended_price b ON b.model = f.model AND b.as_of = f.as_of
    WHERE month(f.as_of) IN (3, 6, 9, 12) AND f.cost_per_task IS NOT NULL
),
turns AS (
    SELECT as_of AS scores_as_of, model, effort, avg(turns_per_task) AS turns_per_task FROM turn_efficiency GROUP BY ALL
)
SELECT q.index_id, q.version, q.scores_as_of, q.as_of, q.model, q.effort, q.display_name, q.cost_per_task,
       q.tokens_per_task, q.blended_usd_per_mtok, t.turns_per_task,
       q.blended_usd_per_mtok / first_value(q.blended_usd_per_mtok) OVER w AS price_change,
       q.tokens_per_task / first_value(q.tokens_per_task) OVER w AS tokens_change,
       q.cost_per_task / first_value(q.cost_per_task) OVER w AS cost_change
FROM quarters q
LEFT JOIN turns t USING (scores_as_of, model, effort)
WINDOW w AS (PARTITION BY q.index_id, q.version, q.scores_as_of ORDER BY q.as_of);
COMMENT ON VIEW frontier_drivers IS 'Per index_id, version, scores_as_of and quarter end (as_of) up to it: the frontier variant (model, effort, display_name), cost_per_task, tokens_per_task, blended_usd_per_mtok, turns_per_task (agentic evaluations), and price_change, tokens_change, cost_change relative to the first quarter.';
