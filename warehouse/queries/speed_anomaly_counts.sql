-- One row per speed source and reason: how many stored measurements the house does not use
-- (speed_anomalies), of how many models, the share of the source's measurements they are, and one
-- example with its detail. $source = '' for every source.
WITH stored AS (
    SELECT source, count(*) AS stored FROM performance_measurements GROUP BY ALL
)
SELECT a.source, a.reason, count(*) AS measurements, count(DISTINCT a.model) AS models,
       round(100.0 * count(*) / any_value(s.stored), 2) AS pct_of_source,
       arg_min(a.model || ' at ' || a.provider || ': ' || a.detail, (a.measured_at, a.model, a.provider)) AS example
FROM speed_anomalies a
JOIN stored s USING (source)
WHERE $source = '' OR a.source = $source
GROUP BY a.source, a.reason
ORDER BY a.source, a.reason
