-- One row per smile-curve threshold and model that meets it: the model's best score on the
-- threshold's evaluation, over its variants, reaches the threshold. Only independent measurements
-- count (the house's runs and Epoch AI's Benchmarking Hub), never a vendor's own report. Both arms
-- of the smile's left side (price_of_intelligence, price_decline) read this one rule.
CREATE OR REPLACE VIEW threshold_models AS
WITH best AS (
    SELECT model, evaluation, max(score) AS score
    FROM eval_scores
    WHERE source IN ('house', 'epoch-hub')
    GROUP BY ALL
)
SELECT t.threshold, t.label, b.model, b.score, m.release_date, r.reasoning
FROM intelligence_thresholds t
JOIN best b ON b.evaluation = t.evaluation AND b.score >= t.min_score
JOIN models m ON m.model = b.model
JOIN reasoning_models r ON r.model = b.model
WHERE m.release_date IS NOT NULL;
COMMENT ON VIEW threshold_models IS 'Per threshold and model meeting it (best independent score on the threshold''s evaluation): label, score, release_date, reasoning.';
