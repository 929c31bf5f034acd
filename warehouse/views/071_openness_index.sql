-- One row per openness index version and model: its Openness Index as of the latest month end of
-- the calendar (openness_index_as_of holds every month end; this is the latest of them).
CREATE OR REPLACE VIEW openness_index AS
SELECT * EXCLUDE (as_of)
FROM openness_index_as_of
WHERE as_of = (SELECT max(as_of) FROM calendar);
COMMENT ON VIEW openness_index IS 'Per index_id, version, model: weights_access, weights_licence, data_access, data_licence, methodology, training_code (0-3), raw (0-18), score (raw / 18 x 100), derived_from (house assessment, or derived from eosai / mof), components_assessed, assessed_at, assessed (component to criteria); as of the calendar''s latest month end.';
