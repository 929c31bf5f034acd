-- The left arm: for each threshold and month end up to $as_of, the cheapest model meeting it, on the
-- scores measured by $as_of.
SELECT p.threshold, p.label, p.as_of, p.model, m.name AS display_name, p.blended_usd_per_mtok, p.price_basis,
       p.evidence, p.evidence_provenance,
       p.non_reasoning_usd_per_mtok, p.models_meeting
FROM price_of_intelligence p
JOIN model_names m USING (model)
WHERE p.as_of <= $as_of AND p.scores_as_of = $as_of
ORDER BY p.threshold, p.as_of
