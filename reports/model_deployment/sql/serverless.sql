-- Every model's providers selling input and output tokens on $as_of, with their speed where the
-- house measured it; per model the cheapest output first. Only models that can be bought on $as_of
-- (model_buyable): a provider's listing that outlives the creator's shutdown prices nothing.
SELECT s.*, n.name AS display_name
FROM serverless_options s
JOIN model_names n USING (model)
JOIN model_buyable b ON b.model = s.model AND b.as_of = s.as_of AND b.buyable
WHERE s.as_of = $as_of
ORDER BY s.model, s.output_usd_per_mtok, s.input_usd_per_mtok, s.provider
