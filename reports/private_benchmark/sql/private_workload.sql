-- The monthly cost of each use case of the client's workload for each candidate, as of $as_of.
SELECT w.*, m.name AS display_name FROM private_workload_cost w
JOIN model_names m USING (model)
WHERE w.as_of = $as_of
ORDER BY w.use_case, w.usd_per_month NULLS LAST, w.model, w.effort
