-- Every model's providers with an output speed on $as_of: price, speed, time to first token, the
-- frontier, the age of each measurement and how the speed moved before; per model the cheapest
-- first, unpriced last.
SELECT t.*, n.name AS display_name
FROM speed_trend t
JOIN model_names n USING (model)
WHERE t.as_of = $as_of
ORDER BY t.model, t.blended_usd_per_mtok NULLS LAST, t.output_tokens_per_s DESC, t.provider
