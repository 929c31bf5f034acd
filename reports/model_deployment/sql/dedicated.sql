-- Every model's dedicated set-ups on $as_of kept under a latency bound (comparable with an API),
-- with their break-even volumes; per model the cheapest per million output tokens first. Only models
-- that can be bought on $as_of (model_buyable), since the break-even is against providers' prices.
SELECT d.*, n.name AS display_name
FROM dedicated_options d
JOIN model_names n USING (model)
JOIN model_buyable b ON b.model = d.model AND b.as_of = d.as_of AND b.buyable
WHERE d.as_of = $as_of AND d.api_comparable
ORDER BY d.model, d.usd_per_mtok_output, d.system, d.scenario
