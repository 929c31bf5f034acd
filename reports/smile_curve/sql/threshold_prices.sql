-- Every model meeting a threshold that can be bought on $as_of (model_buyable), with its blended
-- price that day beside the cheapest price at which that threshold could be bought (and which model
-- sells it). provenance and cheapest_provenance: whether the score by which each meets it was measured
-- or only claimed by the model's own lab (evidence, cheapest_evidence: its source).
SELECT t.threshold, t.label AS threshold_label, t.model, n.name AS display_name, b.blended_usd_per_mtok,
       t.evidence, t.evidence_provenance AS provenance,
       c.blended_usd_per_mtok AS cheapest_usd, cn.name AS cheapest_name, c.evidence AS cheapest_evidence,
       c.evidence_provenance AS cheapest_provenance
FROM threshold_models t
JOIN model_names n ON n.model = t.model
JOIN model_buyable s ON s.model = t.model AND s.as_of = $as_of AND s.buyable
JOIN blended_price b ON b.model = t.model AND b.as_of = $as_of
JOIN price_of_intelligence c ON c.threshold = t.threshold AND c.as_of = $as_of AND c.scores_as_of = $as_of
JOIN model_names cn ON cn.model = c.model
WHERE t.as_of = $as_of
ORDER BY t.label, b.blended_usd_per_mtok, t.model
