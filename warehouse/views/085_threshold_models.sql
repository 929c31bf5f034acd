-- One row per as-of date, smile-curve threshold and model that meets it on the scores known then:
-- the model's best score on the threshold's evaluation, over its variants, measured on or before
-- the as-of date (eval_scores as of that date), reaches the threshold. A score counts when a named
-- source published it (a measurement, or a lab's claim, which evidence_provenance names as such; a
-- measured score that meets it is the evidence before a claim) or the house measured it; never on
-- generated runs alone, which only restate published scores. Among equal evidence (two publishers
-- with the same score) the one that published first is named, then the source's name: the evidence
-- a report cites never depends on the order a parallel query met the rows in.
-- Both arms of the smile's left side (price_of_intelligence, price_decline) read this one rule, at
-- the as-of date whose scores they use.
CREATE OR REPLACE VIEW threshold_models AS
WITH meeting AS (  -- every score that meets a threshold
    SELECT s.as_of, t.threshold, t.label, s.model, s.score, s.source, s.provenance, s.runs_through
    FROM intelligence_thresholds t
    JOIN eval_scores s ON s.evaluation = t.evaluation AND s.score >= t.min_score
    WHERE NOT s.generated
)
SELECT b.as_of, b.threshold, any_value(b.label) AS label, b.model, max(b.score) AS score,
       first(b.source ORDER BY b.provenance <> 'claimed' DESC, b.score DESC, b.runs_through, b.source) AS evidence,
       first(b.provenance ORDER BY b.provenance <> 'claimed' DESC, b.score DESC, b.runs_through, b.source)
           AS evidence_provenance,
       any_value(m.release_date) AS release_date, any_value(r.reasoning) AS reasoning
FROM meeting b
JOIN models m ON m.model = b.model
JOIN reasoning_models r ON r.model = b.model
WHERE m.release_date IS NOT NULL
GROUP BY b.as_of, b.threshold, b.model;
COMMENT ON VIEW threshold_models IS 'Per as_of, threshold and model meeting it on the scores measured by then (best score on the threshold''s evaluation that a named source published or the house measured, never generated runs alone): label, score, evidence (the source of a score that meets it: a measured one before a claim, then the higher score, the earlier publication, the source''s name), evidence_provenance (measured, or claimed: by the model''s own lab, not independently verified), release_date, reasoning.';
