-- Outside sources: where each batch came from (source, version, licence, files), what the
-- sources publish that the house does not measure itself (aggregate scores, token usage,
-- developer-level transparency), which of their names resolved to a canonical model, and what a
-- price's date means.

ALTER TABLE ingest_batches ADD COLUMN source_version VARCHAR;
COMMENT ON COLUMN ingest_batches.source_version IS 'Version of the source read: a git commit, a package version or a release date; NULL for native files.';
ALTER TABLE ingest_batches ADD COLUMN licence VARCHAR;
COMMENT ON COLUMN ingest_batches.licence IS 'Licence of the source data, e.g. MIT or CC BY 4.0; NULL for the house''s own files.';
ALTER TABLE ingest_batches ADD COLUMN generated BOOLEAN;
COMMENT ON COLUMN ingest_batches.generated IS 'True when the rows were generated (demo data), not measured or published; every report discloses it.';

CREATE TABLE batch_files (
    batch_id BIGINT NOT NULL,
    path VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    bytes BIGINT NOT NULL
);
COMMENT ON TABLE batch_files IS 'Every file a batch read (key: batch_id, path). A batch''s file_sha256 is the SHA-256 of these hashes for a source.';
COMMENT ON COLUMN batch_files.batch_id IS 'Batch that read the file.';
COMMENT ON COLUMN batch_files.path IS 'File path, relative to the source folder (or the package for a package source).';
COMMENT ON COLUMN batch_files.sha256 IS 'SHA-256 of the file''s bytes.';
COMMENT ON COLUMN batch_files.bytes IS 'Size of the file in bytes.';

ALTER TABLE prices ADD COLUMN origin VARCHAR;
COMMENT ON COLUMN prices.origin IS 'house for prices the house recorded, else the source adapter (genai-prices, models-dev, litellm, ...). Periods never overlap within one origin; views choose between origins.';
ALTER TABLE prices ADD COLUMN date_basis VARCHAR;
COMMENT ON COLUMN prices.date_basis IS 'What valid_from means: effective (the vendor''s date the price took effect) or recorded (the date a catalogue recorded it, which may lag).';

ALTER TABLE published_aggregates ADD COLUMN metric VARCHAR;
COMMENT ON COLUMN published_aggregates.metric IS 'What mean measures: accuracy (pass@1), pass^k (all k trials solved), pass@2 (after one retry), eci (an index value), ...';
ALTER TABLE published_aggregates ADD COLUMN run_ref VARCHAR;
COMMENT ON COLUMN published_aggregates.run_ref IS 'The source''s own identifier of the run or submission, to find it there.';

CREATE TABLE published_usage (
    source VARCHAR NOT NULL,
    model VARCHAR NOT NULL,
    effort VARCHAR NOT NULL,
    evaluation VARCHAR NOT NULL,
    samples BIGINT,
    repeats INTEGER,
    input_tokens BIGINT,
    output_tokens BIGINT,
    reasoning_tokens BIGINT,
    cost_usd DOUBLE,
    cost_per_task_usd DOUBLE,
    measured_at DATE,
    run_ref VARCHAR,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE published_usage IS 'Tokens and cost an outside source published for a model variant''s run of an evaluation (key: source, run_ref).';
COMMENT ON COLUMN published_usage.source IS 'Source that published it, e.g. epoch-token-usage, aider.';
COMMENT ON COLUMN published_usage.model IS 'Canonical model slug.';
COMMENT ON COLUMN published_usage.effort IS 'Reasoning effort.';
COMMENT ON COLUMN published_usage.evaluation IS 'Evaluation slug.';
COMMENT ON COLUMN published_usage.samples IS 'Task attempts behind the totals (tasks x repeats).';
COMMENT ON COLUMN published_usage.repeats IS 'Repeats (epochs) of the evaluation in the run.';
COMMENT ON COLUMN published_usage.input_tokens IS 'Input tokens of the whole run.';
COMMENT ON COLUMN published_usage.output_tokens IS 'Output tokens of the whole run (answer and reasoning, unless reasoning_tokens is given apart).';
COMMENT ON COLUMN published_usage.reasoning_tokens IS 'Reasoning tokens of the whole run, when published apart.';
COMMENT ON COLUMN published_usage.cost_usd IS 'Cost of the whole run in US dollars, as published.';
COMMENT ON COLUMN published_usage.cost_per_task_usd IS 'Cost per task in US dollars, as published.';
COMMENT ON COLUMN published_usage.measured_at IS 'Date of the run.';
COMMENT ON COLUMN published_usage.run_ref IS 'The source''s identifier of the run.';
COMMENT ON COLUMN published_usage.batch_id IS 'Ingest batch that loaded it.';

ALTER TABLE openness_assessments ADD COLUMN note VARCHAR;
COMMENT ON COLUMN openness_assessments.note IS 'What the level rests on, e.g. the licence a component is released under.';

ALTER TABLE task_results ADD COLUMN tool_calls INTEGER;
COMMENT ON COLUMN task_results.tool_calls IS 'Tool calls the agent made in the attempt.';

CREATE TABLE developer_assessments (
    creator VARCHAR NOT NULL,
    framework VARCHAR NOT NULL,
    edition VARCHAR NOT NULL,
    indicator VARCHAR NOT NULL,
    domain VARCHAR,
    score DOUBLE NOT NULL,
    assessed_at DATE NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE developer_assessments IS 'A transparency indicator scored for a model developer, not a model (key: creator, framework, edition, indicator).';
COMMENT ON COLUMN developer_assessments.creator IS 'Creator slug (creators.creator).';
COMMENT ON COLUMN developer_assessments.framework IS 'Framework, e.g. fmti (Stanford Foundation Model Transparency Index).';
COMMENT ON COLUMN developer_assessments.edition IS 'Edition of the framework, e.g. 2025-12.';
COMMENT ON COLUMN developer_assessments.indicator IS 'Indicator assessed.';
COMMENT ON COLUMN developer_assessments.domain IS 'Domain of the indicator (FMTI: Upstream, Model, Downstream).';
COMMENT ON COLUMN developer_assessments.score IS 'Score of the indicator (FMTI: 0 or 1).';
COMMENT ON COLUMN developer_assessments.assessed_at IS 'Date of the edition.';
COMMENT ON COLUMN developer_assessments.batch_id IS 'Ingest batch that loaded it.';

CREATE TABLE name_resolutions (
    batch_id BIGINT NOT NULL,
    source VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    scope VARCHAR NOT NULL,
    raw_name VARCHAR NOT NULL,
    model VARCHAR,
    effort VARCHAR,
    resolved_by VARCHAR NOT NULL,
    rows BIGINT NOT NULL
);
COMMENT ON TABLE name_resolutions IS 'How each raw name a source batch used was resolved to a canonical model, or that it was not (model NULL): nothing from a source is dropped silently.';
COMMENT ON COLUMN name_resolutions.batch_id IS 'Source batch.';
COMMENT ON COLUMN name_resolutions.source IS 'Source adapter.';
COMMENT ON COLUMN name_resolutions.kind IS 'What the rows were: models, prices, aggregates, usage, runs, openness.';
COMMENT ON COLUMN name_resolutions.scope IS 'A finer grouping the source gives, e.g. first-party or reseller for prices, the benchmark for scores.';
COMMENT ON COLUMN name_resolutions.raw_name IS 'The name exactly as the source writes it.';
COMMENT ON COLUMN name_resolutions.model IS 'Canonical model it resolved to; NULL when it matched nothing (those rows were not loaded).';
COMMENT ON COLUMN name_resolutions.effort IS 'Reasoning effort it resolved to.';
COMMENT ON COLUMN name_resolutions.resolved_by IS 'alias (the curated table), exact (same canonical id), catalogue (a new canonical model from this catalogue) or unresolved.';
COMMENT ON COLUMN name_resolutions.rows IS 'Rows of the source that carried this name.';
