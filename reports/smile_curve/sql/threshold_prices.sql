-- Every model meeting a threshold that can be bought on $as_of (model_buyable), with its blended
-- price that day beside the cheapest price at which that threshold could be bought (and which model
-- sells it).
SELECT t.threshold, t.label AS threshold_label, t.model, n.name AS display_name, b.blended_usd_per_mtok,
       c.blended_usd_per_mtok AS cheapest_usd, cn.name AS cheapest_name
FROM threshold_models t
JOIN model_names n ON n.model = t.model
JOIN model_buyable s ON s.model = t.model AND s.as_of = $as_of AND s.buyable
JOIN blended_price b ON b.model = t.model AND b.as_of = $as_of
JOIN price_of_intelligence c ON c.threshold = t.threshold AND c.as_of = $as_of AND c.scores_as_of = $as_of
JOIN model_names cn ON cn.model = c.model
WHERE t.as_of = $as_of
ORDER BY t.label, b.blended_usd_per_mtok, t.model
