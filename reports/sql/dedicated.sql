-- Every model's dedicated set-ups on $as_of kept under a latency bound (comparable with an API),
-- with their break-even volumes; per model the cheapest per million output tokens first.
SELECT d.*, n.name AS display_name
FROM dedicated_options d
JOIN model_names n USING (model)
WHERE d.as_of = $as_of AND d.api_comparable
ORDER BY d.model, d.usd_per_mtok_output, d.system, d.scenario
