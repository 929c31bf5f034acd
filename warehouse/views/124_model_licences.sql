-- One row per model whose weights licence an outside framework records: the Model Openness Tool's
-- licence of the final parameters, else the note of the European Open Source AI Index's licence
-- criterion.
CREATE OR REPLACE VIEW model_licences AS
SELECT model,
       coalesce(max(note) FILTER (WHERE framework = 'mof' AND component = 'Model parameters (Final)'),
                max(note) FILTER (WHERE framework = 'eosai' AND component = 'licenses')) AS licence
FROM openness_assessments
WHERE framework IN ('mof', 'eosai')
GROUP BY model;
COMMENT ON VIEW model_licences IS 'Per model: licence of its weights as the Model Openness Tool (final parameters) or the EOSAI licence criterion records it.';
