-- The left arm: for each threshold and month end up to $period_end, the cheapest model meeting it.
SELECT p.threshold, p.label, p.as_of, p.model, m.display_name, p.blended_usd_per_mtok, p.price_basis,
       p.non_reasoning_usd_per_mtok, p.models_meeting
FROM price_of_intelligence p
JOIN models m USING (model)
WHERE p.as_of <= $period_end AND p.scores_as_of = $period_end
ORDER BY p.threshold, p.as_of
