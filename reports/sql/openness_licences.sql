-- The licences a model's weights are released under, as the outside frameworks record them (the
-- Model Openness Tool's licence of the final parameters, the EOSAI licence criterion's note).
SELECT model,
       coalesce(max(note) FILTER (WHERE framework = 'mof' AND component = 'Model parameters (Final)'),
                max(note) FILTER (WHERE framework = 'eosai' AND component = 'licenses')) AS licence
FROM openness_assessments
WHERE framework IN ('mof', 'eosai')
GROUP BY model
