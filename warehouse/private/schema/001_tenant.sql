-- A tenant's own catalog: one private client's evaluations, runs and workload, and the record of
-- every batch that loaded them. It holds tables only, the same as the warehouse's where they are the
-- same thing, so that the warehouse's load and check scripts serve both. Models, prices and every
-- other public fact are read from the warehouse, attached beside it; nothing here is ever read by a
-- public view, and purging the tenant deletes this catalog and its data folder whole.

CREATE TABLE evaluations (
    evaluation VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    n_tasks BIGINT NOT NULL,
    scoring VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE evaluations IS 'The client''s own evaluations (key: evaluation).';
COMMENT ON COLUMN evaluations.evaluation IS 'Evaluation slug.';
COMMENT ON COLUMN evaluations.name IS 'Display name.';
COMMENT ON COLUMN evaluations.category IS 'Category, e.g. support, legal, coding.';
COMMENT ON COLUMN evaluations.kind IS 'single_turn or agentic.';
COMMENT ON COLUMN evaluations.n_tasks IS 'Number of tasks in one pass.';
COMMENT ON COLUMN evaluations.scoring IS 'accuracy (0/1 per task), partial (credit in [0,1]) or elo.';
COMMENT ON COLUMN evaluations.batch_id IS 'Batch that last wrote this row.';

CREATE TABLE model_variants (
    model VARCHAR NOT NULL,
    effort VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE model_variants IS 'A candidate model at one reasoning effort that ran the client''s tasks (key: model, effort).';
COMMENT ON COLUMN model_variants.model IS 'Canonical model slug (the warehouse''s models.model).';
COMMENT ON COLUMN model_variants.effort IS 'Reasoning effort.';
COMMENT ON COLUMN model_variants.batch_id IS 'Batch that first registered this variant.';

CREATE TABLE providers (
    provider VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE providers IS 'Providers that served the client''s runs (key: provider).';
COMMENT ON COLUMN providers.provider IS 'Provider slug.';
COMMENT ON COLUMN providers.batch_id IS 'Batch that first registered this provider.';

CREATE TABLE endpoints (
    model VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    first_party BOOLEAN NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE endpoints IS 'A model served by a provider in the client''s runs (key: model, provider).';
COMMENT ON COLUMN endpoints.model IS 'Canonical model slug.';
COMMENT ON COLUMN endpoints.provider IS 'Provider slug.';
COMMENT ON COLUMN endpoints.first_party IS 'True when the provider is the model''s creator.';
COMMENT ON COLUMN endpoints.batch_id IS 'Batch that first registered this endpoint.';

CREATE TABLE eval_runs (
    run_id BIGINT NOT NULL,
    model VARCHAR NOT NULL,
    effort VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    evaluation VARCHAR NOT NULL,
    "repeat" INTEGER NOT NULL,
    account VARCHAR NOT NULL,
    harness VARCHAR,
    prompt_version VARCHAR,
    temperature DOUBLE,
    started_at TIMESTAMP,
    n_results BIGINT NOT NULL,
    batch_id BIGINT NOT NULL,
    score_sum DOUBLE,
    score_sq_sum DOUBLE,
    input_tokens BIGINT,
    cached_input_tokens BIGINT,
    cache_write_tokens BIGINT,
    reasoning_tokens BIGINT,
    answer_tokens BIGINT,
    turns BIGINT,
    solved BIGINT
);
COMMENT ON TABLE eval_runs IS 'One pass of one candidate variant over one of the client''s evaluations (key: run_id; also unique: model, effort, provider, evaluation, repeat).';
COMMENT ON COLUMN eval_runs.run_id IS 'Run identifier, referenced by task_results.run_id.';
COMMENT ON COLUMN eval_runs.model IS 'Canonical model slug.';
COMMENT ON COLUMN eval_runs.effort IS 'Reasoning effort.';
COMMENT ON COLUMN eval_runs.provider IS 'Provider whose endpoint served the run.';
COMMENT ON COLUMN eval_runs.evaluation IS 'The client''s evaluation slug.';
COMMENT ON COLUMN eval_runs."repeat" IS 'Repeat number.';
COMMENT ON COLUMN eval_runs.account IS 'lab_supplied or anonymous.';
COMMENT ON COLUMN eval_runs.harness IS 'Harness and its version.';
COMMENT ON COLUMN eval_runs.prompt_version IS 'Version of the prompts.';
COMMENT ON COLUMN eval_runs.temperature IS 'Sampling temperature.';
COMMENT ON COLUMN eval_runs.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN eval_runs.n_results IS 'Task results loaded for this run.';
COMMENT ON COLUMN eval_runs.batch_id IS 'Batch that loaded this run.';
COMMENT ON COLUMN eval_runs.score_sum IS 'Sum of the run''s task scores.';
COMMENT ON COLUMN eval_runs.score_sq_sum IS 'Sum of squared task scores.';
COMMENT ON COLUMN eval_runs.input_tokens IS 'Input tokens of the run at the full price.';
COMMENT ON COLUMN eval_runs.cached_input_tokens IS 'Cached input tokens of the run.';
COMMENT ON COLUMN eval_runs.cache_write_tokens IS 'Cache-write tokens of the run.';
COMMENT ON COLUMN eval_runs.reasoning_tokens IS 'Reasoning tokens of the run.';
COMMENT ON COLUMN eval_runs.answer_tokens IS 'Answer tokens of the run.';
COMMENT ON COLUMN eval_runs.turns IS 'Agent turns of the run.';
COMMENT ON COLUMN eval_runs.solved IS 'Task attempts of the run that were solved.';

CREATE TABLE task_results (
    run_id BIGINT NOT NULL,
    task_id VARCHAR NOT NULL,
    score DOUBLE NOT NULL,
    input_tokens BIGINT,
    cached_input_tokens BIGINT,
    cache_write_tokens BIGINT,
    reasoning_tokens BIGINT,
    answer_tokens BIGINT,
    turns INTEGER,
    solved BOOLEAN,
    latency_s DOUBLE,
    started_at TIMESTAMP,
    tool_calls INTEGER
);
COMMENT ON TABLE task_results IS 'One attempt of one of the client''s tasks in one run (key: run_id, task_id).';
COMMENT ON COLUMN task_results.run_id IS 'Run it belongs to (eval_runs.run_id).';
COMMENT ON COLUMN task_results.task_id IS 'The client''s task id.';
COMMENT ON COLUMN task_results.score IS 'Score in [0, 1].';
COMMENT ON COLUMN task_results.input_tokens IS 'Input tokens at the full price.';
COMMENT ON COLUMN task_results.cached_input_tokens IS 'Input tokens read from cache.';
COMMENT ON COLUMN task_results.cache_write_tokens IS 'Input tokens written to cache.';
COMMENT ON COLUMN task_results.reasoning_tokens IS 'Reasoning tokens.';
COMMENT ON COLUMN task_results.answer_tokens IS 'Answer tokens.';
COMMENT ON COLUMN task_results.turns IS 'Agent turns (1 for single-turn evaluations).';
COMMENT ON COLUMN task_results.solved IS 'Whether the task was solved.';
COMMENT ON COLUMN task_results.latency_s IS 'Seconds the attempt took.';
COMMENT ON COLUMN task_results.started_at IS 'When the attempt started (UTC).';
COMMENT ON COLUMN task_results.tool_calls IS 'Tool calls the agent made.';

CREATE TABLE run_notes (
    run_id BIGINT NOT NULL,
    note VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE run_notes IS 'The note a run of the client''s carries, e.g. the deployment it asked for (key: run_id).';
COMMENT ON COLUMN run_notes.run_id IS 'Run (eval_runs.run_id).';
COMMENT ON COLUMN run_notes.note IS 'The note, as given.';
COMMENT ON COLUMN run_notes.batch_id IS 'Batch that loaded it.';

CREATE TABLE workload (
    use_case VARCHAR NOT NULL,
    description VARCHAR,
    requests_per_month DOUBLE NOT NULL,
    input_tokens DOUBLE NOT NULL,
    cached_input_tokens DOUBLE NOT NULL,
    cache_write_tokens DOUBLE NOT NULL,
    reasoning_tokens DOUBLE NOT NULL,
    answer_tokens DOUBLE NOT NULL,
    evaluation VARCHAR,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE workload IS 'The client''s monthly workload, one row per use case (key: use_case); the latest file is the whole workload.';
COMMENT ON COLUMN workload.use_case IS 'Use case slug.';
COMMENT ON COLUMN workload.description IS 'What the use case is.';
COMMENT ON COLUMN workload.requests_per_month IS 'Requests a month.';
COMMENT ON COLUMN workload.input_tokens IS 'Input tokens per request at the full price.';
COMMENT ON COLUMN workload.cached_input_tokens IS 'Input tokens per request read from cache.';
COMMENT ON COLUMN workload.cache_write_tokens IS 'Input tokens per request written to cache.';
COMMENT ON COLUMN workload.reasoning_tokens IS 'Reasoning tokens per request, as the client states them.';
COMMENT ON COLUMN workload.answer_tokens IS 'Answer tokens per request, as the client states them.';
COMMENT ON COLUMN workload.evaluation IS 'The client''s evaluation standing for this use case: candidates'' own reasoning and answer tokens per task on it replace the stated ones.';
COMMENT ON COLUMN workload.batch_id IS 'Batch that loaded it.';

CREATE TABLE ingest_batches (
    batch_id BIGINT NOT NULL,
    kind VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    file_sha256 VARCHAR NOT NULL,
    rows_accepted BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    snapshot_id BIGINT NOT NULL,
    ingested_at TIMESTAMP NOT NULL,
    ingested_by VARCHAR,
    source_version VARCHAR,
    licence VARCHAR,
    generated BOOLEAN
);
COMMENT ON TABLE ingest_batches IS 'One file of the client''s loaded into this catalog, in one transaction that made one snapshot (key: batch_id).';
COMMENT ON COLUMN ingest_batches.batch_id IS 'Batch identifier.';
COMMENT ON COLUMN ingest_batches.kind IS 'evaluations, runs or workload.';
COMMENT ON COLUMN ingest_batches.source IS 'native.';
COMMENT ON COLUMN ingest_batches.file_name IS 'Base name of the file loaded.';
COMMENT ON COLUMN ingest_batches.file_sha256 IS 'SHA-256 of the file; the same file is never loaded twice.';
COMMENT ON COLUMN ingest_batches.rows_accepted IS 'Rows loaded.';
COMMENT ON COLUMN ingest_batches.rows_rejected IS 'Rows refused (only with --allow-rejects).';
COMMENT ON COLUMN ingest_batches.snapshot_id IS 'Snapshot of this catalog that the batch made.';
COMMENT ON COLUMN ingest_batches.ingested_at IS 'When the batch was committed (UTC).';
COMMENT ON COLUMN ingest_batches.ingested_by IS 'User who ran the ingest.';
COMMENT ON COLUMN ingest_batches.source_version IS 'Unused for native files.';
COMMENT ON COLUMN ingest_batches.licence IS 'Unused for the client''s files.';
COMMENT ON COLUMN ingest_batches.generated IS 'True when the rows were generated (demo data), not measured.';

CREATE TABLE batch_files (
    batch_id BIGINT NOT NULL,
    path VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    bytes BIGINT NOT NULL
);
COMMENT ON TABLE batch_files IS 'Every file a batch read (key: batch_id, path).';
COMMENT ON COLUMN batch_files.batch_id IS 'Batch that read the file.';
COMMENT ON COLUMN batch_files.path IS 'File name.';
COMMENT ON COLUMN batch_files.sha256 IS 'SHA-256 of the file.';
COMMENT ON COLUMN batch_files.bytes IS 'Size in bytes.';

CREATE TABLE rejected_rows (
    batch_id BIGINT NOT NULL,
    row_number BIGINT NOT NULL,
    column_name VARCHAR NOT NULL,
    value VARCHAR,
    reason VARCHAR NOT NULL
);
COMMENT ON TABLE rejected_rows IS 'A row refused by validation and kept with --allow-rejects.';
COMMENT ON COLUMN rejected_rows.batch_id IS 'Batch whose file held the row.';
COMMENT ON COLUMN rejected_rows.row_number IS 'Data row number in the file, from 1.';
COMMENT ON COLUMN rejected_rows.column_name IS 'Column at fault.';
COMMENT ON COLUMN rejected_rows.value IS 'The value found, as text.';
COMMENT ON COLUMN rejected_rows.reason IS 'What was expected instead.';

CREATE TABLE schema_migrations (
    file_name VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
);
COMMENT ON TABLE schema_migrations IS 'Schema files of warehouse/private/schema applied to this catalog (key: file_name).';
COMMENT ON COLUMN schema_migrations.file_name IS 'File under warehouse/private/schema/.';
COMMENT ON COLUMN schema_migrations.sha256 IS 'SHA-256 of the file when applied.';
COMMENT ON COLUMN schema_migrations.applied_at IS 'When it was applied (UTC).';
