-- For each threshold: the cheapest model meeting it on $previous_as_of and on $as_of, with its
-- blended price per million tokens, each on the scores known that day: how the left arm moved this
-- quarter. before_retired: the earlier one can no longer be bought on $as_of (model_buyable).
-- before_evidence and now_evidence name the source of the score by which each meets it, and
-- *_provenance whether that score was measured or only claimed by the model's own lab.
SELECT n.threshold, n.label, bm.name AS before_name, b.blended_usd_per_mtok AS before_usd,
       NOT bs.buyable AS before_retired, b.evidence AS before_evidence, b.evidence_provenance AS before_provenance,
       nm.name AS now_name, n.blended_usd_per_mtok AS now_usd, n.evidence AS now_evidence,
       n.evidence_provenance AS now_provenance, n.models_meeting
FROM price_of_intelligence n
JOIN model_names nm ON nm.model = n.model
LEFT JOIN price_of_intelligence b
       ON b.threshold = n.threshold AND b.as_of = $previous_as_of AND b.scores_as_of = $previous_as_of
LEFT JOIN model_names bm ON bm.model = b.model
LEFT JOIN model_buyable bs ON bs.model = b.model AND bs.as_of = $as_of
WHERE n.as_of = $as_of AND n.scores_as_of = $as_of
ORDER BY n.label
