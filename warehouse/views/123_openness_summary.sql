-- One row per intelligence index version with a report policy and as-of date: how many models the
-- openness version it shows scores, how many of them the report shows by default
-- (openness_default_set), and among those, how many release their weights (weights access 3), share
-- all their training data (data access 3), and have a score derived from an outside framework.
CREATE OR REPLACE VIEW openness_summary AS
SELECT o.index_id, o.version, d.as_of, any_value(o.openness_index_id) AS openness_index_id,
       any_value(o.openness_version) AS openness_version,
       count(*) AS models_scored,
       count(*) FILTER (WHERE d.shown) AS models_shown,
       count(*) FILTER (WHERE d.shown AND o.weights_access = 3) AS open_weights,
       count(*) FILTER (WHERE d.shown AND o.data_access = 3) AS open_data,
       count(*) FILTER (WHERE d.shown AND o.derived_from <> 'house assessment') AS derived
FROM openness_by_model o
JOIN openness_default_set d USING (index_id, version, as_of, model)
GROUP BY o.index_id, o.version, d.as_of;
COMMENT ON VIEW openness_summary IS 'Per intelligence index_id, version and as_of: the openness index and version shown, models_scored, models_shown (the default set), and among those shown open_weights (weights access 3), open_data (data access 3), derived (scores derived from outside frameworks).';
