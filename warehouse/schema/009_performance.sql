-- Speed, latency and where to serve a model: what one model's requests took at a provider (time to
-- first token, output speed, the whole request, as statistics over many requests with the workload
-- behind them), the hardware systems the house could rent or own with their hourly cost, and what a
-- whole system produces serving one model. Kept apart from task_results.latency_s, which times an
-- evaluation task, not a serving workload.

CREATE TABLE performance_measurements (
    model VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    endpoint VARCHAR,
    measured_at DATE NOT NULL,
    measured_from DATE,
    prompt_tokens BIGINT,
    output_tokens BIGINT,
    concurrency INTEGER,
    region VARCHAR,
    statistic VARCHAR NOT NULL,
    output_tokens_per_s DOUBLE,
    ttft_s DOUBLE,
    e2e_s DOUBLE,
    requests BIGINT,
    source VARCHAR NOT NULL,
    account VARCHAR,
    run_ref VARCHAR,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE performance_measurements IS 'One statistic of the requests a source sent to a model at a provider over one workload (key: model, provider, endpoint, source, run_ref, measured_at, region, prompt_tokens, output_tokens, concurrency, statistic).';
COMMENT ON COLUMN performance_measurements.model IS 'Canonical model slug (endpoint = model at provider).';
COMMENT ON COLUMN performance_measurements.provider IS 'Provider slug, the same as in prices.';
COMMENT ON COLUMN performance_measurements.endpoint IS 'What was called, as the source names it (an API URL, a host and model id, an Azure deployment), when it tells one endpoint of a provider from another; NULL otherwise.';
COMMENT ON COLUMN performance_measurements.measured_at IS 'Day of the measurement, or the last day of the period the statistic summarises.';
COMMENT ON COLUMN performance_measurements.measured_from IS 'First day of the period the statistic summarises; NULL for one day.';
COMMENT ON COLUMN performance_measurements.prompt_tokens IS 'Input tokens per request (workload); NULL when the source does not say.';
COMMENT ON COLUMN performance_measurements.output_tokens IS 'Output tokens requested per request (workload); NULL when the source does not say.';
COMMENT ON COLUMN performance_measurements.concurrency IS 'Requests in flight at once at the endpoint (workload); NULL when the source does not say.';
COMMENT ON COLUMN performance_measurements.region IS 'Where the client ran (a cloud region or a place); NULL when unknown.';
COMMENT ON COLUMN performance_measurements.statistic IS 'median, mean, p5 ... p99, min, max, or point (one figure published without saying which statistic).';
COMMENT ON COLUMN performance_measurements.output_tokens_per_s IS 'Output tokens a second after the first token arrived (generation speed; time to first token excluded).';
COMMENT ON COLUMN performance_measurements.ttft_s IS 'Seconds from sending the request to the first output token.';
COMMENT ON COLUMN performance_measurements.e2e_s IS 'Seconds from sending the request to the last output token.';
COMMENT ON COLUMN performance_measurements.requests IS 'Successful requests behind the statistic; NULL when the source does not say.';
COMMENT ON COLUMN performance_measurements.source IS 'Who measured it: house, or the source adapter (thefastest-ai, llmperf, ...).';
COMMENT ON COLUMN performance_measurements.account IS 'lab_supplied or anonymous, for the house''s own measurements; NULL when unknown.';
COMMENT ON COLUMN performance_measurements.run_ref IS 'The source''s identifier of the run or file, to find it there.';
COMMENT ON COLUMN performance_measurements.batch_id IS 'Ingest batch that loaded it.';

CREATE TABLE systems (
    system VARCHAR NOT NULL,
    name VARCHAR,
    accelerator VARCHAR NOT NULL,
    accelerator_count INTEGER NOT NULL,
    cost_basis VARCHAR NOT NULL,
    usd_per_hour DOUBLE NOT NULL,
    priced_at DATE NOT NULL,
    source VARCHAR NOT NULL,
    note VARCHAR,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE systems IS 'What an hour of a hardware system costs on a day, rented or owned (key: system, cost_basis, priced_at, source).';
COMMENT ON COLUMN systems.system IS 'System slug: count x accelerator, e.g. 8x-h100-sxm-80gb.';
COMMENT ON COLUMN systems.name IS 'Name shown in reports.';
COMMENT ON COLUMN systems.accelerator IS 'Accelerator slug: model, form factor and memory, e.g. h100-sxm-80gb.';
COMMENT ON COLUMN systems.accelerator_count IS 'Accelerators in the system.';
COMMENT ON COLUMN systems.cost_basis IS 'rent (a market rent) or owner (the owner''s cost: depreciation, power, hosting).';
COMMENT ON COLUMN systems.usd_per_hour IS 'US dollars for one hour of the whole system.';
COMMENT ON COLUMN systems.priced_at IS 'Day the rent was read or the cost worked out.';
COMMENT ON COLUMN systems.source IS 'Where the cost comes from (a price tracker and its statistic, a quote, the house''s own accounts).';
COMMENT ON COLUMN systems.note IS 'How the cost was worked out.';
COMMENT ON COLUMN systems.batch_id IS 'Ingest batch that loaded it.';

CREATE TABLE throughput_measurements (
    model VARCHAR NOT NULL,
    system VARCHAR NOT NULL,
    measured_at DATE NOT NULL,
    scenario VARCHAR,
    concurrency INTEGER,
    prompt_tokens BIGINT,
    output_tokens BIGINT,
    output_tokens_per_s DOUBLE NOT NULL,
    ttft_p50_s DOUBLE,
    tpot_p50_s DOUBLE,
    ttft_limit_s DOUBLE,
    tpot_limit_s DOUBLE,
    source VARCHAR NOT NULL,
    run_ref VARCHAR,
    note VARCHAR,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE throughput_measurements IS 'Output tokens a second of a whole system serving one model under one load (key: model, system, scenario, concurrency, measured_at, source, run_ref).';
COMMENT ON COLUMN throughput_measurements.model IS 'Canonical model slug.';
COMMENT ON COLUMN throughput_measurements.system IS 'System slug (systems.system).';
COMMENT ON COLUMN throughput_measurements.measured_at IS 'Day of the measurement or its publication.';
COMMENT ON COLUMN throughput_measurements.scenario IS 'offline (every request at once, no latency bound), server (arrivals under a latency bound), interactive (a tighter bound), or the house''s own label.';
COMMENT ON COLUMN throughput_measurements.concurrency IS 'Requests in flight at once, when the load was set that way.';
COMMENT ON COLUMN throughput_measurements.prompt_tokens IS 'Mean input tokens per request.';
COMMENT ON COLUMN throughput_measurements.output_tokens IS 'Mean output tokens per request.';
COMMENT ON COLUMN throughput_measurements.output_tokens_per_s IS 'Output tokens a second produced by the whole system.';
COMMENT ON COLUMN throughput_measurements.ttft_p50_s IS 'Median seconds to the first token.';
COMMENT ON COLUMN throughput_measurements.tpot_p50_s IS 'Median seconds per output token after the first (1 / tpot is one user''s speed).';
COMMENT ON COLUMN throughput_measurements.ttft_limit_s IS 'Bound on time to first token the run had to keep; NULL for offline runs.';
COMMENT ON COLUMN throughput_measurements.tpot_limit_s IS 'Bound on time per output token the run had to keep; NULL for offline runs.';
COMMENT ON COLUMN throughput_measurements.source IS 'Who measured it: house, or the source adapter (mlperf-inference).';
COMMENT ON COLUMN throughput_measurements.run_ref IS 'The source''s identifier of the result (an MLCommons result id).';
COMMENT ON COLUMN throughput_measurements.note IS 'What else a reader should know (the submitter''s system, its software).';
COMMENT ON COLUMN throughput_measurements.batch_id IS 'Ingest batch that loaded it.';
