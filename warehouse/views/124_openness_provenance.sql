-- One row per intelligence index version with a report policy, as-of date and origin of an openness
-- score (the house's assessment, or derived from an outside framework): how many of the models the
-- report shows by default, and how many of all scored models, have their score from it.
CREATE OR REPLACE VIEW openness_provenance AS
SELECT o.index_id, o.version, d.as_of, o.derived_from,
       count(*) FILTER (WHERE d.shown) AS models_shown, count(*) AS models
FROM openness_by_model o
JOIN openness_default_set d USING (index_id, version, as_of, model)
GROUP BY ALL;
COMMENT ON VIEW openness_provenance IS 'Per intelligence index_id, version, as_of and derived_from (house assessment, derived from eosai / mof): models_shown (in the default set), models (all scored).';
