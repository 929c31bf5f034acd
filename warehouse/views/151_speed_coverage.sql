-- One row per as-of date and model with an output speed at some provider that day (speed_trend):
-- how well the house's speed data covers it, so that a report can say when a subscriber's model has
-- none and show the best-covered models instead. Providers measured, those also priced that day,
-- those measured within the year, the newest and oldest measurement, the providers measured on two
-- days or more (whose speed can be seen to move), record_days (the days between each provider's
-- first and latest measurement, summed over providers), history_until (the month end of the newest
-- measurement, where a chart of how its speed moved can stop), and two ranks that day:
-- coverage_rank (most priced providers, then most measured within the year, then the newest
-- measurement, then most providers) and history_rank (the longest record, then most providers
-- measured twice or more).
CREATE OR REPLACE VIEW speed_coverage AS
WITH per_model AS (
    SELECT as_of, model, count(*) AS providers,
           count(*) FILTER (WHERE blended_usd_per_mtok IS NOT NULL) AS priced_providers,
           count(*) FILTER (WHERE NOT stale) AS fresh_providers,
           max(measured_at) AS newest_measured_at, min(measured_at) AS oldest_measured_at,
           min(age_days) AS newest_age_days, max(age_days) AS oldest_age_days,
           count(*) FILTER (WHERE measurement_days >= 2) AS remeasured_providers,
           sum(datediff('day', first_measured_at, measured_at)) AS record_days,
           min(first_measured_at) AS first_measured_at
    FROM speed_trend
    GROUP BY as_of, model
)
SELECT *, last_day(newest_measured_at) AS history_until,
       row_number() OVER (PARTITION BY as_of ORDER BY priced_providers DESC, fresh_providers DESC,
                                                      newest_measured_at DESC, providers DESC, model) AS coverage_rank,
       row_number() OVER (PARTITION BY as_of ORDER BY record_days DESC, remeasured_providers DESC, model) AS history_rank
FROM per_model;
COMMENT ON VIEW speed_coverage IS 'Per as_of, model with an output speed at some provider: providers, priced_providers, fresh_providers (measured within 365 days), newest_measured_at, oldest_measured_at, newest_age_days, oldest_age_days, remeasured_providers (measured on two days or more), record_days (first to latest measurement, summed over providers), first_measured_at, history_until (month end of the newest measurement), coverage_rank (most priced providers first), history_rank (longest record first).';
