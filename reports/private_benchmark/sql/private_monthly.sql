-- The projected monthly cost of the whole workload for each candidate, as of $as_of, cheapest first.
SELECT c.*, m.name AS display_name FROM private_monthly_cost c
JOIN model_names m USING (model)
WHERE c.as_of = $as_of
ORDER BY c.usd_per_month NULLS LAST, c.model, c.effort
