-- The yearly decline factor of each threshold, with and without reasoning models, on the models
-- released and the scores measured by $as_of.
SELECT d.*, t.evaluation, t.min_score, t.reference_model
FROM price_decline d
JOIN intelligence_thresholds t USING (threshold)
WHERE d.as_of = $as_of
ORDER BY t.evaluation, t.min_score, d.with_reasoning DESC
