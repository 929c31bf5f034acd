-- One row per intelligence index version with a report policy: how many models the openness version
-- it shows scores, how many release their weights (weights access 3) and how many share all their
-- training data (data access 3).
CREATE OR REPLACE VIEW openness_summary AS
SELECT index_id, version, any_value(openness_index_id) AS openness_index_id,
       any_value(openness_version) AS openness_version,
       count(*) AS models_scored,
       count(*) FILTER (WHERE weights_access = 3) AS open_weights,
       count(*) FILTER (WHERE data_access = 3) AS open_data,
       count(*) FILTER (WHERE derived_from <> 'house assessment') AS derived
FROM openness_by_model
GROUP BY index_id, version;
COMMENT ON VIEW openness_summary IS 'Per intelligence index_id, version: the openness index and version shown, models_scored, open_weights (weights access 3), open_data (data access 3), derived (scores derived from outside frameworks).';
