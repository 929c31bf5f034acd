-- One row per as-of date, smile-curve threshold and model that meets it on the scores known then:
-- the model's best score on the threshold's evaluation, over its variants, measured on or before
-- the as-of date (eval_scores as of that date), reaches the threshold. A score counts when a named
-- source published it (a measurement, or a lab's claim, which the evidence column names as such)
-- or the house measured it; never on generated runs alone, which only restate published scores.
-- Both arms of the smile's left side (price_of_intelligence, price_decline) read this one rule, at
-- the as-of date whose scores they use.
CREATE OR REPLACE VIEW threshold_models AS
WITH best AS (
    SELECT as_of, model, evaluation, max(score) AS score, arg_max(source, score) AS evidence
    FROM eval_scores
    WHERE NOT generated
    GROUP BY ALL
)
SELECT b.as_of, t.threshold, t.label, b.model, b.score, b.evidence, m.release_date, r.reasoning
FROM intelligence_thresholds t
JOIN best b ON b.evaluation = t.evaluation AND b.score >= t.min_score
JOIN models m ON m.model = b.model
JOIN reasoning_models r ON r.model = b.model
WHERE m.release_date IS NOT NULL;
COMMENT ON VIEW threshold_models IS 'Per as_of, threshold and model meeting it on the scores measured by then (best score on the threshold''s evaluation that a named source published or the house measured, never generated runs alone): label, score, evidence (the source of that score), release_date, reasoning.';
