-- Every model's providers selling input and output tokens on $as_of, with their speed where the
-- house measured it; per model the cheapest output first.
SELECT s.*, n.name AS display_name
FROM serverless_options s
JOIN model_names n USING (model)
WHERE s.as_of = $as_of
ORDER BY s.model, s.output_usd_per_mtok, s.input_usd_per_mtok, s.provider
