-- The yearly decline factor of each threshold, with and without reasoning models.
SELECT d.*, t.evaluation, t.min_score, t.reference_model
FROM price_decline d
JOIN intelligence_thresholds t USING (threshold)
WHERE d.as_of = (SELECT max(as_of) FROM calendar)
ORDER BY t.evaluation, t.min_score, d.with_reasoning DESC
