-- One row per as-of date, model and provider with an output speed that day: the provider_frontier
-- row (price, speed, time to first token, age, frontier) and how the provider's speed has moved up
-- to the date: its first speed known (at the first month end with one) and the day it was measured,
-- the distinct measurement days the month ends have seen (a provider measured once shows no
-- movement), the slowest and fastest in between, and change = latest / first. Month ends see a
-- month's last measurement only, as the report's stepped lines do.
CREATE OR REPLACE VIEW speed_trend AS
WITH days AS (
    SELECT *,
           measured_at IS DISTINCT FROM lag(measured_at) OVER (PARTITION BY model, provider ORDER BY as_of) AS new_day
    FROM provider_frontier
)
SELECT * EXCLUDE (new_day),
       first_value(measured_at) OVER history AS first_measured_at,
       first_value(output_tokens_per_s) OVER history AS first_output_tokens_per_s,
       sum(CAST(new_day AS INTEGER)) OVER history AS measurement_days,
       min(output_tokens_per_s) OVER history AS slowest_output_tokens_per_s,
       max(output_tokens_per_s) OVER history AS fastest_output_tokens_per_s,
       output_tokens_per_s / first_value(output_tokens_per_s) OVER history AS change
FROM days
WINDOW history AS (PARTITION BY model, provider ORDER BY as_of ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);
COMMENT ON VIEW speed_trend IS 'Per as_of, model, provider with an output speed that day: every column of provider_frontier, and first_measured_at, first_output_tokens_per_s (at the first month end with one), measurement_days (distinct days seen at month ends), slowest_output_tokens_per_s, fastest_output_tokens_per_s, change (latest / first).';
