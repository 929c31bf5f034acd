-- One row per as-of date, model and dedicated set-up (system, scenario, concurrency and cost basis
-- of serving_cost) whose throughput was measured and whose cost was priced on or before the date:
-- a month of it, R x 730 hours as deployment_break_even counts it; its capacity flat out, output
-- tokens a second x 3,600 x 730 / 1,000,000 million a month; the speed one stream sees (1 / time
-- per output token) and the median TTFT, both under the scenario's latency bound; the ages of the
-- throughput and of the cost, stale past 365 days; and its break-even volume against the provider
-- selling the model's output tokens cheapest that day and against the model's creator
-- (deployment_break_even: R x 730 / P million output tokens a month, and that share of capacity).
CREATE OR REPLACE VIEW dedicated_options AS
WITH known AS (
    SELECT c.as_of, s.*
    FROM calendar c
    JOIN serving_cost s ON s.measured_at <= c.as_of AND s.priced_at <= c.as_of
),
cheapest AS (
    SELECT * FROM deployment_break_even
    QUALIFY row_number() OVER (PARTITION BY as_of, model, system, scenario, concurrency, cost_basis
                               ORDER BY provider_output_usd_per_mtok, provider) = 1
),
creator AS (
    SELECT * FROM deployment_break_even
    WHERE first_party
    QUALIFY row_number() OVER (PARTITION BY as_of, model, system, scenario, concurrency, cost_basis
                               ORDER BY provider_output_usd_per_mtok, provider) = 1
)
SELECT k.as_of, k.model, k.system, k.name, k.accelerator, k.accelerator_count, k.scenario, k.concurrency,
       k.api_comparable, k.cost_basis, k.usd_per_hour, k.usd_per_hour * 730 AS usd_per_month,
       k.output_tokens_per_s, k.output_tokens_per_s * 3600 * 730 / 1000000 AS capacity_mtok_per_month,
       k.usd_per_mtok_output, k.stream_tokens_per_s, k.ttft_p50_s, k.ttft_limit_s, k.tpot_limit_s,
       k.results, k.throughput_sources,
       k.measured_at, datediff('day', k.measured_at, k.as_of) AS throughput_age_days,
       k.priced_at, datediff('day', k.priced_at, k.as_of) AS cost_age_days,
       greatest(datediff('day', k.measured_at, k.as_of), datediff('day', k.priced_at, k.as_of)) > 365 AS stale,
       c.provider AS cheapest_provider, c.provider_output_usd_per_mtok AS cheapest_output_usd_per_mtok,
       c.break_even_mtok_per_month, c.break_even_utilisation,
       f.provider AS creator_provider, f.provider_output_usd_per_mtok AS creator_output_usd_per_mtok,
       f.break_even_mtok_per_month AS creator_break_even_mtok_per_month,
       f.break_even_utilisation AS creator_break_even_utilisation
FROM known k
LEFT JOIN cheapest c ON c.as_of = k.as_of AND c.model = k.model AND c.system = k.system
     AND c.scenario IS NOT DISTINCT FROM k.scenario AND c.concurrency IS NOT DISTINCT FROM k.concurrency
     AND c.cost_basis = k.cost_basis
LEFT JOIN creator f ON f.as_of = k.as_of AND f.model = k.model AND f.system = k.system
     AND f.scenario IS NOT DISTINCT FROM k.scenario AND f.concurrency IS NOT DISTINCT FROM k.concurrency
     AND f.cost_basis = k.cost_basis;
COMMENT ON VIEW dedicated_options IS 'Per as_of, model, system, scenario, concurrency, cost_basis measured and priced by then: name, accelerator, accelerator_count, api_comparable, usd_per_hour, usd_per_month (x 730), output_tokens_per_s, capacity_mtok_per_month, usd_per_mtok_output, stream_tokens_per_s, ttft_p50_s, ttft_limit_s, tpot_limit_s, results, throughput_sources, measured_at, throughput_age_days, priced_at, cost_age_days, stale (either over 365 days), cheapest_provider, cheapest_output_usd_per_mtok, break_even_mtok_per_month, break_even_utilisation, and the same against the creator (creator_provider, creator_output_usd_per_mtok, creator_break_even_mtok_per_month, creator_break_even_utilisation).';
