-- One row per system, model, scenario, concurrency and cost basis with a throughput and a cost:
-- what a million output tokens cost when the system serves the model flat out, rent (or owner's
-- cost) per hour / output tokens per hour x 1,000,000, comparable with a serverless output price.
-- The throughput is the median over the results of the latest day the model was measured on the
-- system in that scenario (best_output_tokens_per_s the best of them); the cost is the latest, the
-- later-entered on a tie. Offline runs keep no latency bound: api_comparable is false for them.
CREATE OR REPLACE VIEW serving_cost AS
WITH latest AS (
    SELECT model, system, scenario, concurrency, max(measured_at) AS measured_at
    FROM throughput_measurements
    GROUP BY model, system, scenario, concurrency
),
throughput AS (
    SELECT t.model, t.system, t.scenario, t.concurrency, t.measured_at,
           median(t.output_tokens_per_s) AS output_tokens_per_s,
           max(t.output_tokens_per_s) AS best_output_tokens_per_s,
           count(*) AS results,
           median(t.ttft_p50_s) AS ttft_p50_s, median(t.tpot_p50_s) AS tpot_p50_s,
           max(t.ttft_limit_s) AS ttft_limit_s, max(t.tpot_limit_s) AS tpot_limit_s,
           string_agg(DISTINCT t.source, ', ' ORDER BY t.source) AS throughput_sources
    FROM throughput_measurements t
    JOIN latest l ON l.model = t.model AND l.system = t.system AND l.measured_at = t.measured_at
                 AND l.scenario IS NOT DISTINCT FROM t.scenario AND l.concurrency IS NOT DISTINCT FROM t.concurrency
    GROUP BY t.model, t.system, t.scenario, t.concurrency, t.measured_at
),
cost AS (
    SELECT system, cost_basis,
           arg_max(name, (priced_at, batch_id)) AS name,
           arg_max(accelerator, (priced_at, batch_id)) AS accelerator,
           arg_max(accelerator_count, (priced_at, batch_id)) AS accelerator_count,
           arg_max(usd_per_hour, (priced_at, batch_id)) AS usd_per_hour,
           max(priced_at) AS priced_at,
           arg_max(source, (priced_at, batch_id)) AS cost_source
    FROM systems
    GROUP BY system, cost_basis
)
SELECT t.system, c.name, c.accelerator, c.accelerator_count, t.model, t.scenario, t.concurrency,
       coalesce(t.scenario, '') <> 'offline' AS api_comparable,
       t.output_tokens_per_s, t.best_output_tokens_per_s, t.results, t.measured_at, t.throughput_sources,
       t.ttft_p50_s, t.tpot_p50_s, 1 / t.tpot_p50_s AS stream_tokens_per_s, t.ttft_limit_s, t.tpot_limit_s,
       c.cost_basis, c.usd_per_hour, c.priced_at, c.cost_source,
       t.output_tokens_per_s * 3600 AS output_tokens_per_hour,
       c.usd_per_hour / (t.output_tokens_per_s * 3600) * 1000000 AS usd_per_mtok_output
FROM throughput t
JOIN cost c USING (system);
COMMENT ON VIEW serving_cost IS 'Per system, model, scenario, concurrency, cost_basis: name, accelerator, accelerator_count, api_comparable (not offline), output_tokens_per_s (median of the latest day''s results), best_output_tokens_per_s, results, measured_at, throughput_sources, ttft_p50_s, tpot_p50_s, stream_tokens_per_s (1 / tpot), ttft_limit_s, tpot_limit_s, usd_per_hour, priced_at, cost_source, output_tokens_per_hour, usd_per_mtok_output = usd_per_hour / output_tokens_per_hour x 1e6.';
