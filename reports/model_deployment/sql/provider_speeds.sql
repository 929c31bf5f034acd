-- Every model's providers with an output speed on $as_of: price, speed, time to first token, the
-- frontier, the age of each measurement and how the speed moved before; per model the cheapest
-- first, unpriced last. A model that cannot be bought on $as_of (model_buyable) keeps its speeds
-- and loses its prices and its price-speed frontier.
SELECT t.* REPLACE (CASE WHEN b.buyable THEN t.input_usd_per_mtok END AS input_usd_per_mtok,
                    CASE WHEN b.buyable THEN t.output_usd_per_mtok END AS output_usd_per_mtok,
                    CASE WHEN b.buyable THEN t.blended_usd_per_mtok END AS blended_usd_per_mtok,
                    CASE WHEN b.buyable THEN t.on_frontier END AS on_frontier),
       n.name AS display_name
FROM speed_trend t
JOIN model_names n USING (model)
JOIN model_buyable b ON b.model = t.model AND b.as_of = t.as_of
WHERE t.as_of = $as_of
ORDER BY model, blended_usd_per_mtok NULLS LAST, output_tokens_per_s DESC, provider  -- the prices shown
