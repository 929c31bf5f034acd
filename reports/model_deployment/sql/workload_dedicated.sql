-- A subscriber's workload ($requests_per_month requests of $output_tokens output tokens) a month on
-- each dedicated set-up of dedicated.sql: as many systems as its output needs at their capacity, at
-- least one, each a month's cost; the share of their capacity used; the workload against the
-- set-up's break-even volume (warehouse/macros/050_workload_cost.sql). Keyed as dedicated_options.
WITH workload AS (
    SELECT workload_output_mtok($requests_per_month, $output_tokens) AS output_mtok
)
SELECT d.model, d.system, d.scenario, d.concurrency, d.cost_basis,
       systems_needed(w.output_mtok, d.capacity_mtok_per_month) AS systems,
       systems * d.usd_per_month AS your_usd_per_month,
       w.output_mtok / (systems * d.capacity_mtok_per_month) AS utilisation,
       w.output_mtok / nullif(d.break_even_mtok_per_month, 0) AS times_break_even
FROM dedicated_options d
CROSS JOIN workload w
JOIN model_buyable b ON b.model = d.model AND b.as_of = d.as_of AND b.buyable
WHERE d.as_of = $as_of AND d.api_comparable
ORDER BY d.model, d.system, d.scenario, d.concurrency, d.cost_basis
