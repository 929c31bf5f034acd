-- What moved the frontier's spend per task, quarter by quarter up to $period_end: which model
-- held the frontier, its blended price per token, its tokens per task and its turns per task on
-- agentic evaluations where the house ran it; and the change of each from the first quarter.
WITH quarters AS (
    SELECT f.as_of, f.model, f.effort, m.display_name, f.cost_per_task, f.tokens_per_task,
           b.blended_usd_per_mtok
    FROM frontier_spend f
    JOIN models m USING (model)
    LEFT JOIN blended_price b ON b.model = f.model AND b.as_of = f.as_of
    WHERE f.index_id = 'intelligence' AND f.version = $version AND f.as_of <= $period_end
      AND f.scores_as_of = $period_end
      AND month(f.as_of) IN (3, 6, 9, 12) AND f.cost_per_task IS NOT NULL
),
turns AS (
    SELECT model, effort, avg(turns_per_task) AS turns_per_task FROM turn_efficiency
    WHERE as_of = $period_end GROUP BY ALL
)
SELECT q.*, t.turns_per_task,
       q.blended_usd_per_mtok / first_value(q.blended_usd_per_mtok) OVER w AS price_change,
       q.tokens_per_task / first_value(q.tokens_per_task) OVER w AS tokens_change,
       q.cost_per_task / first_value(q.cost_per_task) OVER w AS cost_change
FROM quarters q
LEFT JOIN turns t USING (model, effort)
WINDOW w AS (ORDER BY q.as_of)
ORDER BY q.as_of
