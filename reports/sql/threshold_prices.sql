-- Every model meeting a threshold, with its blended price on $as_of beside the cheapest price at
-- which that threshold could be bought that day (and which model sells it).
SELECT t.threshold, t.label AS threshold_label, t.model, n.name AS display_name, b.blended_usd_per_mtok,
       c.blended_usd_per_mtok AS cheapest_usd, cn.name AS cheapest_name
FROM threshold_models t
JOIN model_names n ON n.model = t.model
JOIN blended_price b ON b.model = t.model AND b.as_of = $as_of
JOIN price_of_intelligence c ON c.threshold = t.threshold AND c.as_of = $as_of AND c.scores_as_of = $as_of
JOIN model_names cn ON cn.model = c.model
WHERE t.as_of = $as_of
ORDER BY t.label, b.blended_usd_per_mtok, t.model
