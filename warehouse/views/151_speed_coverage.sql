-- One row per as-of date and model with an output speed at some provider that day
-- (provider_frontier): how well the house's speed data covers it, so that a report can say when a
-- subscriber's model has none and show the best-covered models instead. Providers measured, those
-- also priced that day, those measured within the year, the newest and oldest measurement, the
-- providers measured on two days or more (speed_trend: whose speed can be seen to move), and two
-- ranks that day: coverage_rank (most priced providers, then most measured within the year, then
-- the newest measurement, then most providers) and history_rank (most providers measured twice or
-- more, then most measurement days), and history_until, the month end of the newest measurement
-- (where a chart of how its speed moved can stop).
CREATE OR REPLACE VIEW speed_coverage AS
WITH per_model AS (
    SELECT f.as_of, f.model, count(*) AS providers,
           count(*) FILTER (WHERE f.blended_usd_per_mtok IS NOT NULL) AS priced_providers,
           count(*) FILTER (WHERE NOT f.stale) AS fresh_providers,
           max(f.measured_at) AS newest_measured_at, min(f.measured_at) AS oldest_measured_at,
           min(f.age_days) AS newest_age_days, max(f.age_days) AS oldest_age_days,
           count(*) FILTER (WHERE t.measurement_days >= 2) AS remeasured_providers,
           sum(t.measurement_days) AS measurement_days,
           min(t.first_measured_at) AS first_measured_at
    FROM provider_frontier f
    JOIN speed_trend t USING (as_of, model, provider)
    GROUP BY f.as_of, f.model
)
SELECT *, last_day(newest_measured_at) AS history_until,
       row_number() OVER (PARTITION BY as_of ORDER BY priced_providers DESC, fresh_providers DESC,
                                                      newest_measured_at DESC, providers DESC, model) AS coverage_rank,
       row_number() OVER (PARTITION BY as_of ORDER BY remeasured_providers DESC, measurement_days DESC,
                                                      newest_measured_at DESC, model) AS history_rank
FROM per_model;
COMMENT ON VIEW speed_coverage IS 'Per as_of, model with an output speed at some provider: providers, priced_providers, fresh_providers (measured within 365 days), newest_measured_at, oldest_measured_at, newest_age_days, oldest_age_days, remeasured_providers (measured on two days or more), measurement_days, first_measured_at, history_until (month end of the newest measurement), coverage_rank (most priced providers first), history_rank (most providers measured twice or more first).';
