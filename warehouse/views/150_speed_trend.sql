-- One row per as-of date, model and provider with an output speed that day: the provider_frontier
-- row (price, speed, time to first token, age, workload, frontier) and how the provider's speed has
-- moved up to the date, like for like: only over the month ends whose speed one source measured on
-- the same workload (prompt and output tokens a request, requests at once) as this one's, since a
-- 20-token answer one request at a time is not 150 tokens of a 550-token prompt five at a time. Of
-- that series: its first speed known (at its first month end) and the day it was measured, the
-- distinct measurement days its month ends have seen (measured once: no movement shown), the
-- slowest and fastest in between, and change = latest / first. A month end whose speed mixes
-- sources or workloads (speed_as_of.workloads > 1) is a series of its own: no change. Month ends
-- see a month's last measurement only, as the report's stepped lines do.
CREATE OR REPLACE VIEW speed_trend AS
WITH series AS (
    SELECT *, CASE WHEN workloads > 1 THEN as_of END AS mixed_on  -- a mixed month end compares with nothing
    FROM provider_frontier
),
days AS (
    SELECT *, measured_at IS DISTINCT FROM lag(measured_at) OVER (
                  PARTITION BY model, provider, sources, prompt_tokens, output_tokens, concurrency, mixed_on
                  ORDER BY as_of) AS new_day
    FROM series
)
SELECT * EXCLUDE (new_day, mixed_on),
       first_value(measured_at) OVER history AS first_measured_at,
       first_value(output_tokens_per_s) OVER history AS first_output_tokens_per_s,
       sum(CAST(new_day AS INTEGER)) OVER history AS measurement_days,
       min(output_tokens_per_s) OVER history AS slowest_output_tokens_per_s,
       max(output_tokens_per_s) OVER history AS fastest_output_tokens_per_s,
       output_tokens_per_s / first_value(output_tokens_per_s) OVER history AS change
FROM days
WINDOW history AS (PARTITION BY model, provider, sources, prompt_tokens, output_tokens, concurrency, mixed_on
                   ORDER BY as_of ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);
COMMENT ON VIEW speed_trend IS 'Per as_of, model, provider with an output speed that day: every column of provider_frontier (workload included), and, over the month ends measured by the same source on the same workload (a month end mixing them stands alone): first_measured_at, first_output_tokens_per_s (at the series'' first month end), measurement_days (distinct days seen at its month ends), slowest_output_tokens_per_s, fastest_output_tokens_per_s, change (latest / first).';
