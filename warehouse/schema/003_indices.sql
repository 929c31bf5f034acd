-- Index versions as data (warehouse/indices/*.yaml), the openness rubric and how outside
-- frameworks map onto it, the thresholds of the smile curve, the order in which price sources are
-- trusted, and per-run totals kept beside each run so that every view reads thousands of run rows
-- instead of millions of task rows.

CREATE TABLE index_versions (
    index_id VARCHAR NOT NULL,
    version VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    published_at DATE NOT NULL,
    description VARCHAR,
    content_sha256 VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE index_versions IS 'A published version of an index (key: index_id, version). Immutable: a changed definition needs a new version.';
COMMENT ON COLUMN index_versions.index_id IS 'Index, e.g. intelligence or openness.';
COMMENT ON COLUMN index_versions.version IS 'Version, e.g. 1 or 2.';
COMMENT ON COLUMN index_versions.name IS 'Name shown in reports.';
COMMENT ON COLUMN index_versions.kind IS 'intelligence (weighted evaluation scores) or openness (the six-component rubric).';
COMMENT ON COLUMN index_versions.published_at IS 'Date the version was published.';
COMMENT ON COLUMN index_versions.description IS 'What changed in this version and why.';
COMMENT ON COLUMN index_versions.content_sha256 IS 'SHA-256 of the version''s canonical definition; a reload with another hash is refused.';
COMMENT ON COLUMN index_versions.batch_id IS 'Batch that loaded the version.';

CREATE TABLE index_evaluations (
    index_id VARCHAR NOT NULL,
    version VARCHAR NOT NULL,
    evaluation VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    weight DOUBLE NOT NULL,
    transform VARCHAR NOT NULL,
    transform_min DOUBLE,
    transform_max DOUBLE
);
COMMENT ON TABLE index_evaluations IS 'An evaluation of an intelligence index version, its weight and its transform onto 0-100 (key: index_id, version, evaluation). Weights of a version sum to 1.';
COMMENT ON COLUMN index_evaluations.index_id IS 'Index.';
COMMENT ON COLUMN index_evaluations.version IS 'Version.';
COMMENT ON COLUMN index_evaluations.evaluation IS 'Evaluation slug.';
COMMENT ON COLUMN index_evaluations.category IS 'Category it counts in, e.g. reasoning, math, coding, agentic.';
COMMENT ON COLUMN index_evaluations.weight IS 'Weight in the index (0-1).';
COMMENT ON COLUMN index_evaluations.transform IS 'percent: score x 100; linear: clamp((x - min) / (max - min), 0, 1) x 100 (Elo-type: min 500, max 2500).';
COMMENT ON COLUMN index_evaluations.transform_min IS 'Lower bound of a linear transform.';
COMMENT ON COLUMN index_evaluations.transform_max IS 'Upper bound of a linear transform.';

CREATE TABLE openness_components (
    index_id VARCHAR NOT NULL,
    version VARCHAR NOT NULL,
    component VARCHAR NOT NULL,
    pillar VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    level_0 VARCHAR NOT NULL,
    level_1 VARCHAR NOT NULL,
    level_2 VARCHAR NOT NULL,
    level_3 VARCHAR NOT NULL
);
COMMENT ON TABLE openness_components IS 'A component of an openness rubric version, scored 0-3 by the archetype that fits best (key: index_id, version, component).';
COMMENT ON COLUMN openness_components.index_id IS 'Index.';
COMMENT ON COLUMN openness_components.version IS 'Version.';
COMMENT ON COLUMN openness_components.component IS 'Component slug, e.g. weights_access.';
COMMENT ON COLUMN openness_components.pillar IS 'availability or transparency.';
COMMENT ON COLUMN openness_components.position IS 'Order in reports.';
COMMENT ON COLUMN openness_components.name IS 'Name shown in reports.';
COMMENT ON COLUMN openness_components.level_0 IS 'What level 0 means.';
COMMENT ON COLUMN openness_components.level_1 IS 'What level 1 means.';
COMMENT ON COLUMN openness_components.level_2 IS 'What level 2 means.';
COMMENT ON COLUMN openness_components.level_3 IS 'What level 3 means.';

CREATE TABLE openness_mappings (
    index_id VARCHAR NOT NULL,
    version VARCHAR NOT NULL,
    framework VARCHAR NOT NULL,
    criterion VARCHAR NOT NULL,
    component VARCHAR NOT NULL,
    level_found VARCHAR NOT NULL,
    level DOUBLE NOT NULL
);
COMMENT ON TABLE openness_mappings IS 'How an outside framework''s criterion and level maps onto a rubric component and level (key: index_id, version, framework, criterion, level_found). A component fed by several criteria takes their mean, rounded half up.';
COMMENT ON COLUMN openness_mappings.index_id IS 'Index.';
COMMENT ON COLUMN openness_mappings.version IS 'Version.';
COMMENT ON COLUMN openness_mappings.framework IS 'Outside framework, e.g. eosai or mof.';
COMMENT ON COLUMN openness_mappings.criterion IS 'The framework''s criterion or component, as in openness_assessments.component.';
COMMENT ON COLUMN openness_mappings.component IS 'Rubric component it feeds.';
COMMENT ON COLUMN openness_mappings.level_found IS 'The framework''s level, as in openness_assessments.level.';
COMMENT ON COLUMN openness_mappings.level IS 'Rubric level (0-3) it stands for.';

CREATE TABLE intelligence_thresholds (
    threshold VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    evaluation VARCHAR NOT NULL,
    min_score DOUBLE NOT NULL,
    reference_model VARCHAR,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE intelligence_thresholds IS 'A fixed level of intelligence for the smile curve: a score on an evaluation, often a reference model''s (key: threshold).';
COMMENT ON COLUMN intelligence_thresholds.threshold IS 'Threshold slug.';
COMMENT ON COLUMN intelligence_thresholds.label IS 'Name shown in reports, e.g. GPT-4 level on GPQA Diamond.';
COMMENT ON COLUMN intelligence_thresholds.evaluation IS 'Evaluation the score is on.';
COMMENT ON COLUMN intelligence_thresholds.min_score IS 'Score (0-100) a model must reach.';
COMMENT ON COLUMN intelligence_thresholds.reference_model IS 'Model whose score set the threshold, if any.';
COMMENT ON COLUMN intelligence_thresholds.batch_id IS 'Batch that loaded it.';

CREATE TABLE price_origins (
    origin VARCHAR NOT NULL,
    precedence INTEGER NOT NULL,
    why VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE price_origins IS 'Which origin of prices is trusted first when several have a price valid on a day (key: origin; lower precedence wins).';
COMMENT ON COLUMN price_origins.origin IS 'prices.origin: house or a source adapter.';
COMMENT ON COLUMN price_origins.precedence IS 'Lower wins.';
COMMENT ON COLUMN price_origins.why IS 'Why it ranks there.';
COMMENT ON COLUMN price_origins.batch_id IS 'Batch that loaded it.';

ALTER TABLE eval_runs ADD COLUMN score_sum DOUBLE;
COMMENT ON COLUMN eval_runs.score_sum IS 'Sum of the run''s task scores (its mean is score_sum / n_results). Kept at ingest, in the same transaction as the tasks.';
ALTER TABLE eval_runs ADD COLUMN score_sq_sum DOUBLE;
COMMENT ON COLUMN eval_runs.score_sq_sum IS 'Sum of squared task scores, for the spread over tasks.';
ALTER TABLE eval_runs ADD COLUMN input_tokens BIGINT;
COMMENT ON COLUMN eval_runs.input_tokens IS 'Input tokens at the full price, summed over the run''s tasks.';
ALTER TABLE eval_runs ADD COLUMN cached_input_tokens BIGINT;
COMMENT ON COLUMN eval_runs.cached_input_tokens IS 'Cached input tokens, summed over the run''s tasks.';
ALTER TABLE eval_runs ADD COLUMN cache_write_tokens BIGINT;
COMMENT ON COLUMN eval_runs.cache_write_tokens IS 'Cache-write tokens, summed over the run''s tasks.';
ALTER TABLE eval_runs ADD COLUMN reasoning_tokens BIGINT;
COMMENT ON COLUMN eval_runs.reasoning_tokens IS 'Reasoning tokens, summed over the run''s tasks.';
ALTER TABLE eval_runs ADD COLUMN answer_tokens BIGINT;
COMMENT ON COLUMN eval_runs.answer_tokens IS 'Answer tokens, summed over the run''s tasks.';
ALTER TABLE eval_runs ADD COLUMN turns BIGINT;
COMMENT ON COLUMN eval_runs.turns IS 'Agent turns, summed over the run''s tasks.';
ALTER TABLE eval_runs ADD COLUMN solved BIGINT;
COMMENT ON COLUMN eval_runs.solved IS 'Tasks solved in the run.';

CREATE TABLE view_definitions (
    file_name VARCHAR NOT NULL,
    view_name VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
);
COMMENT ON TABLE view_definitions IS 'The warehouse/views/*.sql files whose views this warehouse holds (key: file_name). Views are re-created, in one snapshot, whenever a file changes.';
COMMENT ON COLUMN view_definitions.file_name IS 'File under warehouse/views/.';
COMMENT ON COLUMN view_definitions.view_name IS 'The view it creates.';
COMMENT ON COLUMN view_definitions.sha256 IS 'SHA-256 of the file when applied.';
COMMENT ON COLUMN view_definitions.applied_at IS 'When it was applied (UTC).';
