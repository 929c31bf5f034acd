-- One row per as-of date, model and provider with an output speed that day (provider_frontier):
-- how the provider's speed has moved up to the date. Its first speed known (at the first month end
-- with one) and its latest, the days those were measured, how many distinct measurement days the
-- month ends have seen (a provider measured once shows no movement), the slowest and fastest in
-- between, and change = latest / first. Month ends see a month's last measurement only, as the
-- report's stepped lines do.
CREATE OR REPLACE VIEW speed_trend AS
SELECT p.as_of, p.model, p.provider,
       arg_min(h.measured_at, h.as_of) AS first_measured_at,
       arg_min(h.output_tokens_per_s, h.as_of) AS first_output_tokens_per_s,
       any_value(p.measured_at) AS measured_at,
       any_value(p.output_tokens_per_s) AS output_tokens_per_s,
       any_value(p.age_days) AS age_days,
       any_value(p.stale) AS stale,
       count(DISTINCT h.measured_at) AS measurement_days,
       min(h.output_tokens_per_s) AS slowest_output_tokens_per_s,
       max(h.output_tokens_per_s) AS fastest_output_tokens_per_s,
       any_value(p.output_tokens_per_s) / arg_min(h.output_tokens_per_s, h.as_of) AS change
FROM provider_frontier p
JOIN provider_frontier h ON h.model = p.model AND h.provider = p.provider AND h.as_of <= p.as_of
GROUP BY p.as_of, p.model, p.provider;
COMMENT ON VIEW speed_trend IS 'Per as_of, model, provider with an output speed that day: first_measured_at, first_output_tokens_per_s (at the first month end with one), measured_at and output_tokens_per_s (the latest), age_days, stale, measurement_days (distinct days seen at month ends), slowest_output_tokens_per_s, fastest_output_tokens_per_s, change (latest / first).';
