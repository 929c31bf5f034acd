-- One row per intelligence index version (that has a report policy), as-of date and model with a
-- score in the openness version the policy names, as assessed by then: the six components and the score, where they came from, the
-- model's creator and release, and its best complete index in the intelligence version over its
-- variants (NULL without one) with its 95% interval. The openness report's rows read this view.
CREATE OR REPLACE VIEW openness_by_model AS
WITH best AS (
    SELECT index_id, version, as_of, model, max("index") AS "index",
           arg_max(ci_low, ("index", effort)) AS ci_low, arg_max(ci_high, ("index", effort)) AS ci_high
    FROM intelligence_index
    WHERE complete
    GROUP BY ALL
)
SELECT p.index_id, p.version, o.as_of, o.index_id AS openness_index_id, o.version AS openness_version, o.model,
       o.weights_access, o.weights_licence, o.data_access, o.data_licence, o.methodology, o.training_code,
       o.raw, o.score, o.derived_from, o.components_assessed, o.assessed_at,
       n.name AS display_name, m.creator, m.open_weights, m.release_date, b."index", b.ci_low, b.ci_high
FROM report_policies p
JOIN openness_index_as_of o ON o.index_id = p.openness_index_id AND o.version = p.openness_version
JOIN models m ON m.model = o.model
JOIN model_names n ON n.model = o.model
LEFT JOIN best b ON b.index_id = p.index_id AND b.version = p.version AND b.as_of = o.as_of AND b.model = o.model;
COMMENT ON VIEW openness_by_model IS 'Per intelligence index_id, version (with a report policy), as_of and model assessed by then: the openness index and version shown, the six components, raw, score, derived_from, components_assessed, assessed_at, display_name, creator, open_weights, release_date, index (the model''s best complete index in that version) and its ci_low, ci_high.';
