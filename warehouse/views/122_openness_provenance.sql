-- One row per intelligence index version with a report policy and origin of an openness score (the
-- house's assessment, or derived from an outside framework): how many models' scores came from it.
CREATE OR REPLACE VIEW openness_provenance AS
SELECT index_id, version, derived_from, count(*) AS models
FROM openness_by_model
GROUP BY ALL;
COMMENT ON VIEW openness_provenance IS 'Per intelligence index_id, version and derived_from (house assessment, derived from eosai / mof): models.';
