-- What each report shows, by the Intelligence Index version it reads: policy, kept as data beside the
-- index versions (warehouse/indices/report-policy.yaml) so that no report module writes a number of
-- its own. Replaced whole, like the thresholds, when the file changes.

CREATE TABLE report_policies (
    index_id VARCHAR NOT NULL,
    version VARCHAR NOT NULL,
    smile_threshold VARCHAR NOT NULL,
    openness_index_id VARCHAR NOT NULL,
    openness_version VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE report_policies IS 'Per intelligence index version (key: index_id, version): the smile-curve threshold drawn beside the frontier''s spend, and the openness index version the reports show.';
COMMENT ON COLUMN report_policies.index_id IS 'Intelligence index, e.g. intelligence.';
COMMENT ON COLUMN report_policies.version IS 'Its version.';
COMMENT ON COLUMN report_policies.smile_threshold IS 'intelligence_thresholds.threshold whose price is set against the frontier''s spend on the smile chart.';
COMMENT ON COLUMN report_policies.openness_index_id IS 'Openness index shown beside this version.';
COMMENT ON COLUMN report_policies.openness_version IS 'Its version.';
COMMENT ON COLUMN report_policies.batch_id IS 'Batch that loaded it.';

CREATE TABLE intelligence_tiers (
    index_id VARCHAR NOT NULL,
    version VARCHAR NOT NULL,
    tier DOUBLE NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE intelligence_tiers IS 'Levels of intelligence the cost-to-run report prices (key: index_id, version, tier): the cheapest variant whose index reaches each.';
COMMENT ON COLUMN intelligence_tiers.index_id IS 'Intelligence index.';
COMMENT ON COLUMN intelligence_tiers.version IS 'Its version: a tier is a level on that version''s scale.';
COMMENT ON COLUMN intelligence_tiers.tier IS 'Index level (0-100).';
COMMENT ON COLUMN intelligence_tiers.batch_id IS 'Batch that loaded it.';
