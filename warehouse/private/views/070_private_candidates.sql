-- One row per as-of date, candidate variant and client evaluation: everything the client's report
-- says of a candidate on one of its evaluations. Score, interval, rank, pass^k, tokens and turns
-- per task (private_scores); cost per task and per solved task (private_task_costs); the projected
-- monthly cost of the whole workload (private_monthly_cost); lifecycle status; the run notes. Then
-- the choice: on_pareto (no other candidate scores at least as high for a monthly cost at most as
-- low, and better on one; with no workload loaded, cost per task stands in: choice_basis says which)
-- and cheapest_of_the_best (the cheapest of the candidates that share rank 1). A model that cannot be
-- bought on the as-of date (private_lifecycle, from model_buyable) is neither: it is listed with its
-- scores, not offered.
CREATE OR REPLACE TEMP VIEW private_candidates AS
WITH notes AS (
    SELECT r.model, r.effort, string_agg(DISTINCT n.note, '; ' ORDER BY n.note) AS notes
    FROM tenant.run_notes n
    JOIN tenant.eval_runs r USING (run_id)
    GROUP BY ALL
),
has_workload AS (
    SELECT count(*) > 0 AS yes FROM tenant.workload
),
joined AS (
    SELECT c.as_of, s.*, e.name AS evaluation_name, e.kind AS evaluation_kind, e.n_tasks AS evaluation_tasks,
           nm.name AS display_name, m.creator,
           c.cost_per_task, c.cost_per_solved_task, c.price_basis, c.price_note,
           mc.usd_per_month, l.status AS lifecycle, l.shutdown_on, l.replacement, n.notes,
           -- a retired model is never a choice: no cost to choose by, so never on the Pareto set or the cheapest
           CASE WHEN NOT l.buyable THEN NULL WHEN w.yes THEN mc.usd_per_month ELSE c.cost_per_task END
               AS choice_cost,
           CASE WHEN w.yes THEN 'projected monthly cost of the workload' ELSE 'cost per task' END AS choice_basis
    FROM private_scores s
    JOIN tenant.evaluations e ON e.evaluation = s.evaluation
    JOIN bh.models m ON m.model = s.model
    JOIN bh.model_names nm ON nm.model = s.model
    JOIN private_task_costs c ON c.model = s.model AND c.effort = s.effort AND c.evaluation = s.evaluation
    CROSS JOIN has_workload w
    LEFT JOIN private_monthly_cost mc ON mc.as_of = c.as_of AND mc.model = s.model AND mc.effort = s.effort
    LEFT JOIN private_lifecycle l ON l.as_of = c.as_of AND l.model = s.model
    LEFT JOIN notes n ON n.model = s.model AND n.effort = s.effort
)
SELECT j.*,
       j.choice_cost IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM joined o
           WHERE o.as_of = j.as_of AND o.evaluation = j.evaluation AND o.choice_cost IS NOT NULL
             AND o.score >= j.score AND o.choice_cost <= j.choice_cost
             AND (o.score > j.score OR o.choice_cost < j.choice_cost)
       ) AS on_pareto,
       j.rank = 1 AND j.choice_cost IS NOT NULL
           AND j.choice_cost = min(j.choice_cost) FILTER (WHERE j.rank = 1) OVER (PARTITION BY j.as_of, j.evaluation)
           AS cheapest_of_the_best
FROM joined j;
