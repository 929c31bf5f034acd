-- One row per as-of date, smile-curve threshold and model that meets it on the scores known then:
-- the model's best score on the threshold's evaluation, over its variants, measured on or before
-- the as-of date (eval_scores as of that date), reaches the threshold. Only independent
-- measurements count (the house's runs and Epoch AI's Benchmarking Hub), never a vendor's own
-- report. Both arms of the smile's left side (price_of_intelligence, price_decline) read this one
-- rule, at the as-of date whose scores they use.
CREATE OR REPLACE VIEW threshold_models AS
WITH best AS (
    SELECT as_of, model, evaluation, max(score) AS score
    FROM eval_scores
    WHERE source IN ('house', 'epoch-hub')
    GROUP BY ALL
)
SELECT b.as_of, t.threshold, t.label, b.model, b.score, m.release_date, r.reasoning
FROM intelligence_thresholds t
JOIN best b ON b.evaluation = t.evaluation AND b.score >= t.min_score
JOIN models m ON m.model = b.model
JOIN reasoning_models r ON r.model = b.model
WHERE m.release_date IS NOT NULL;
COMMENT ON VIEW threshold_models IS 'Per as_of, threshold and model meeting it on the scores measured by then (best independent score on the threshold''s evaluation): label, score, release_date, reasoning.';
