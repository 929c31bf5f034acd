-- Which models the openness report shows by default (its report policy): language models of the
-- period, that is released within a number of months before the as-of date, that have a price that
-- day or open weights from a creator buyers know. Every other scored model goes to the appendix.

ALTER TABLE report_policies ADD COLUMN openness_recent_months INTEGER;
COMMENT ON COLUMN report_policies.openness_recent_months IS 'The openness report shows by default the models released within this many months before its as-of date (with a price or open weights from a known creator).';

CREATE TABLE openness_known_creators (
    index_id VARCHAR NOT NULL,
    version VARCHAR NOT NULL,
    creator VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE openness_known_creators IS 'Creators whose open-weights models the openness report shows by default, per intelligence index version''s report policy (key: index_id, version, creator).';
COMMENT ON COLUMN openness_known_creators.index_id IS 'Intelligence index of the policy.';
COMMENT ON COLUMN openness_known_creators.version IS 'Its version.';
COMMENT ON COLUMN openness_known_creators.creator IS 'creators.creator.';
COMMENT ON COLUMN openness_known_creators.batch_id IS 'Batch that loaded it.';
