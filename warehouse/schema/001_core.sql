-- The warehouse's tables: what the house knows about models, what it measured, what things cost,
-- how open models are, and where every row came from. DuckLake enforces no keys, so the ingest
-- code (warehouse/ingest.py) keeps keys unique; the keys are named in each table's comment.

CREATE TABLE creators (
    creator VARCHAR NOT NULL,
    name VARCHAR,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE creators IS 'Organisations that make models (one row per creator; key: creator).';
COMMENT ON COLUMN creators.creator IS 'Creator slug, e.g. openai, anthropic, meta.';
COMMENT ON COLUMN creators.name IS 'Display name of the organisation.';
COMMENT ON COLUMN creators.batch_id IS 'Ingest batch that first registered this creator.';

CREATE TABLE models (
    model VARCHAR NOT NULL,
    creator VARCHAR NOT NULL,
    display_name VARCHAR NOT NULL,
    release_date DATE,
    params_total_b DOUBLE,
    params_active_b DOUBLE,
    open_weights BOOLEAN,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE models IS 'Canonical models (one row per model; key: model). A dated version is its own model.';
COMMENT ON COLUMN models.model IS 'Canonical model slug, e.g. gpt-4o-2024-08-06.';
COMMENT ON COLUMN models.creator IS 'Creator slug (creators.creator).';
COMMENT ON COLUMN models.display_name IS 'Name shown in reports.';
COMMENT ON COLUMN models.release_date IS 'Date the model was first publicly available.';
COMMENT ON COLUMN models.params_total_b IS 'Total parameters, billions; NULL when undisclosed.';
COMMENT ON COLUMN models.params_active_b IS 'Parameters active per token, billions (equals total for dense models); NULL when undisclosed.';
COMMENT ON COLUMN models.open_weights IS 'True when the weights can be downloaded.';
COMMENT ON COLUMN models.batch_id IS 'Ingest batch that last wrote this row.';

CREATE TABLE model_variants (
    model VARCHAR NOT NULL,
    effort VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE model_variants IS 'A model at one reasoning effort (key: model, effort). Effort is never part of the model name.';
COMMENT ON COLUMN model_variants.model IS 'Canonical model slug (models.model).';
COMMENT ON COLUMN model_variants.effort IS 'Reasoning effort: default, none, minimal, low, medium, high, xhigh or max.';
COMMENT ON COLUMN model_variants.batch_id IS 'Ingest batch that first registered this variant.';

CREATE TABLE providers (
    provider VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE providers IS 'Companies that serve models through an API (key: provider). Registered on first sight.';
COMMENT ON COLUMN providers.provider IS 'Provider slug, e.g. openai, together, bedrock.';
COMMENT ON COLUMN providers.batch_id IS 'Ingest batch that first registered this provider.';

CREATE TABLE endpoints (
    model VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    first_party BOOLEAN NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE endpoints IS 'A model served by a provider (key: model, provider); it serves every reasoning effort of the model, which is a request parameter. Registered on first sight.';
COMMENT ON COLUMN endpoints.model IS 'Canonical model slug (models.model).';
COMMENT ON COLUMN endpoints.provider IS 'Provider slug (providers.provider).';
COMMENT ON COLUMN endpoints.first_party IS 'True when the provider is the model''s creator (its own API).';
COMMENT ON COLUMN endpoints.batch_id IS 'Ingest batch that first registered this endpoint.';

CREATE TABLE model_aliases (
    source VARCHAR NOT NULL,
    raw_name VARCHAR NOT NULL,
    model VARCHAR NOT NULL,
    effort VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE model_aliases IS 'How an outside source names a model variant (key: source, raw_name).';
COMMENT ON COLUMN model_aliases.source IS 'Source whose naming this is, e.g. epoch-ai, models-dev.';
COMMENT ON COLUMN model_aliases.raw_name IS 'The name exactly as the source writes it.';
COMMENT ON COLUMN model_aliases.model IS 'Canonical model slug it means.';
COMMENT ON COLUMN model_aliases.effort IS 'Reasoning effort it means.';
COMMENT ON COLUMN model_aliases.batch_id IS 'Ingest batch that wrote this alias.';

CREATE TABLE evaluations (
    evaluation VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    n_tasks BIGINT NOT NULL,
    scoring VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE evaluations IS 'Benchmarks the house runs or reads (key: evaluation).';
COMMENT ON COLUMN evaluations.evaluation IS 'Evaluation slug, e.g. gpqa-diamond.';
COMMENT ON COLUMN evaluations.name IS 'Display name.';
COMMENT ON COLUMN evaluations.category IS 'Category it counts towards in an index, e.g. reasoning, coding, agentic.';
COMMENT ON COLUMN evaluations.kind IS 'single_turn or agentic (several turns with tools).';
COMMENT ON COLUMN evaluations.n_tasks IS 'Number of tasks (questions) in one pass.';
COMMENT ON COLUMN evaluations.scoring IS 'accuracy (0/1 per task), partial (credit in [0,1]) or elo.';
COMMENT ON COLUMN evaluations.batch_id IS 'Ingest batch that last wrote this row.';

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
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE eval_runs IS 'One pass of one model variant over one evaluation at one endpoint (key: run_id; also unique: model, effort, provider, evaluation, repeat).';
COMMENT ON COLUMN eval_runs.run_id IS 'Run identifier, referenced by task_results.run_id.';
COMMENT ON COLUMN eval_runs.model IS 'Canonical model slug.';
COMMENT ON COLUMN eval_runs.effort IS 'Reasoning effort of the variant that ran.';
COMMENT ON COLUMN eval_runs.provider IS 'Provider whose endpoint served the run.';
COMMENT ON COLUMN eval_runs.evaluation IS 'Evaluation slug.';
COMMENT ON COLUMN eval_runs."repeat" IS 'Repeat number (1, 2, ...) of the same variant on the same evaluation.';
COMMENT ON COLUMN eval_runs.account IS 'lab_supplied (an account the lab gave the house) or anonymous (a public account).';
COMMENT ON COLUMN eval_runs.harness IS 'Harness and its version that ran the evaluation.';
COMMENT ON COLUMN eval_runs.prompt_version IS 'Version of the published prompts used.';
COMMENT ON COLUMN eval_runs.temperature IS 'Sampling temperature.';
COMMENT ON COLUMN eval_runs.started_at IS 'When the run started (UTC): the earliest started_at of its task results.';
COMMENT ON COLUMN eval_runs.n_results IS 'Number of task results loaded for this run.';
COMMENT ON COLUMN eval_runs.batch_id IS 'Ingest batch that loaded this run.';

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
    started_at TIMESTAMP
);
COMMENT ON TABLE task_results IS 'One attempt of one task in one run (key: run_id, task_id).';
COMMENT ON COLUMN task_results.run_id IS 'Run it belongs to (eval_runs.run_id).';
COMMENT ON COLUMN task_results.task_id IS 'Task (question) identifier within the evaluation.';
COMMENT ON COLUMN task_results.score IS 'Score in [0, 1]: 0/1 for accuracy, partial credit otherwise.';
COMMENT ON COLUMN task_results.input_tokens IS 'Input tokens billed at the full input price (not cached).';
COMMENT ON COLUMN task_results.cached_input_tokens IS 'Input tokens read from the provider''s prompt cache.';
COMMENT ON COLUMN task_results.cache_write_tokens IS 'Input tokens written to the provider''s prompt cache.';
COMMENT ON COLUMN task_results.reasoning_tokens IS 'Reasoning (thinking) tokens generated.';
COMMENT ON COLUMN task_results.answer_tokens IS 'Visible answer tokens generated.';
COMMENT ON COLUMN task_results.turns IS 'Agent turns taken (1 for single-turn evaluations).';
COMMENT ON COLUMN task_results.solved IS 'Whether the task was solved.';
COMMENT ON COLUMN task_results.latency_s IS 'Wall-clock seconds for the attempt.';
COMMENT ON COLUMN task_results.started_at IS 'When the attempt started (UTC).';

CREATE TABLE published_aggregates (
    source VARCHAR NOT NULL,
    model VARCHAR NOT NULL,
    effort VARCHAR NOT NULL,
    evaluation VARCHAR NOT NULL,
    mean DOUBLE NOT NULL,
    std_error DOUBLE,
    n BIGINT,
    measured_at DATE,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE published_aggregates IS 'A score an outside source published for a model variant on an evaluation, when no per-task results exist (key: source, model, effort, evaluation, measured_at).';
COMMENT ON COLUMN published_aggregates.source IS 'Source that published it, e.g. epoch-ai.';
COMMENT ON COLUMN published_aggregates.model IS 'Canonical model slug.';
COMMENT ON COLUMN published_aggregates.effort IS 'Reasoning effort.';
COMMENT ON COLUMN published_aggregates.evaluation IS 'Evaluation slug.';
COMMENT ON COLUMN published_aggregates.mean IS 'Published mean score in [0, 1] (or Elo for elo-scored evaluations).';
COMMENT ON COLUMN published_aggregates.std_error IS 'Published standard error of the mean, same unit as mean.';
COMMENT ON COLUMN published_aggregates.n IS 'Number of samples behind the mean, when published.';
COMMENT ON COLUMN published_aggregates.measured_at IS 'Date the source measured or published it.';
COMMENT ON COLUMN published_aggregates.batch_id IS 'Ingest batch that loaded it.';

CREATE TABLE prices (
    model VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    token_type VARCHAR NOT NULL,
    usd_per_mtok DOUBLE NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE,
    source VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE prices IS 'Price of one token type at one endpoint over a period [valid_from, valid_to) (key: model, provider, token_type, valid_from; periods of one key never overlap).';
COMMENT ON COLUMN prices.model IS 'Canonical model slug (endpoint = model at provider).';
COMMENT ON COLUMN prices.provider IS 'Provider slug.';
COMMENT ON COLUMN prices.token_type IS 'input, cached_input, cache_write, output or reasoning.';
COMMENT ON COLUMN prices.usd_per_mtok IS 'US dollars per million tokens.';
COMMENT ON COLUMN prices.valid_from IS 'First day the price applies.';
COMMENT ON COLUMN prices.valid_to IS 'First day it no longer applies; NULL while current. An open price is closed by the next price of the same key.';
COMMENT ON COLUMN prices.source IS 'Where the price was read, e.g. the vendor''s pricing page or a catalogue.';
COMMENT ON COLUMN prices.batch_id IS 'Ingest batch that loaded it.';

CREATE TABLE openness_assessments (
    model VARCHAR NOT NULL,
    framework VARCHAR NOT NULL,
    component VARCHAR NOT NULL,
    level VARCHAR NOT NULL,
    evidence_url VARCHAR,
    assessed_at DATE NOT NULL,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE openness_assessments IS 'How open one component of a model is under one framework, on one date (key: model, framework, component, assessed_at).';
COMMENT ON COLUMN openness_assessments.model IS 'Canonical model slug.';
COMMENT ON COLUMN openness_assessments.framework IS 'Framework: openness-index (the house''s, levels 0-3) or an outside one (e.g. eosai, mof, fmti).';
COMMENT ON COLUMN openness_assessments.component IS 'Component or criterion assessed, e.g. weights_access.';
COMMENT ON COLUMN openness_assessments.level IS 'Level as the framework writes it: 0-3 for openness-index, open/partial/closed or a licence name elsewhere.';
COMMENT ON COLUMN openness_assessments.evidence_url IS 'Where the evidence for the level can be read.';
COMMENT ON COLUMN openness_assessments.assessed_at IS 'Date of the assessment.';
COMMENT ON COLUMN openness_assessments.batch_id IS 'Ingest batch that loaded it.';

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
    ingested_by VARCHAR
);
COMMENT ON TABLE ingest_batches IS 'One file loaded into the warehouse, in one transaction that made one snapshot (key: batch_id).';
COMMENT ON COLUMN ingest_batches.batch_id IS 'Batch identifier, referenced by the batch_id of every row it loaded.';
COMMENT ON COLUMN ingest_batches.kind IS 'What was loaded: models, evaluations, runs, prices or openness.';
COMMENT ON COLUMN ingest_batches.source IS 'Where the data came from: native for the house''s own formats, else the source adapter.';
COMMENT ON COLUMN ingest_batches.file_name IS 'Name of the file loaded (its base name).';
COMMENT ON COLUMN ingest_batches.file_sha256 IS 'SHA-256 of the file''s bytes; the same file is never loaded twice.';
COMMENT ON COLUMN ingest_batches.rows_accepted IS 'Rows loaded.';
COMMENT ON COLUMN ingest_batches.rows_rejected IS 'Rows refused (kept in rejected_rows; only with --allow-rejects).';
COMMENT ON COLUMN ingest_batches.snapshot_id IS 'DuckLake snapshot that this batch''s commit created.';
COMMENT ON COLUMN ingest_batches.ingested_at IS 'When the batch was committed (UTC).';
COMMENT ON COLUMN ingest_batches.ingested_by IS 'User who ran the ingest.';

CREATE TABLE rejected_rows (
    batch_id BIGINT NOT NULL,
    row_number BIGINT NOT NULL,
    column_name VARCHAR NOT NULL,
    value VARCHAR,
    reason VARCHAR NOT NULL
);
COMMENT ON TABLE rejected_rows IS 'A row refused by validation and kept with --allow-rejects (one row per problem; a row may have several).';
COMMENT ON COLUMN rejected_rows.batch_id IS 'Batch whose file held the row.';
COMMENT ON COLUMN rejected_rows.row_number IS 'Data row number in the file, from 1 (the CSV header is not counted).';
COMMENT ON COLUMN rejected_rows.column_name IS 'Column at fault (several, comma-separated, for a duplicate key).';
COMMENT ON COLUMN rejected_rows.value IS 'The value found, as text.';
COMMENT ON COLUMN rejected_rows.reason IS 'What was expected instead.';

CREATE TABLE schema_migrations (
    file_name VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
);
COMMENT ON TABLE schema_migrations IS 'Schema files applied to this warehouse, in order (key: file_name).';
COMMENT ON COLUMN schema_migrations.file_name IS 'File under warehouse/schema/.';
COMMENT ON COLUMN schema_migrations.sha256 IS 'SHA-256 of the file when applied; an applied file must never change.';
COMMENT ON COLUMN schema_migrations.applied_at IS 'When it was applied (UTC).';
