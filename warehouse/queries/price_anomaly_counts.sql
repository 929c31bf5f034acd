-- One row per price source and reason: how many stored prices the house does not use
-- (price_anomalies), of how many models, the share of the source's prices they are, and one
-- example with its detail. $source = '' for every source.
WITH stored AS (
    SELECT coalesce(origin, 'house') AS source, count(*) AS stored FROM prices GROUP BY ALL
)
SELECT a.origin AS source, a.reason, count(*) AS prices, count(DISTINCT a.model) AS models,
       round(100.0 * count(*) / any_value(s.stored), 2) AS pct_of_source,
       arg_max(a.model || ' at ' || a.provider || ', ' || a.token_type || ': ' || a.detail, a.usd_per_mtok) AS example
FROM price_anomalies a
JOIN stored s ON s.source = a.origin
WHERE $source = '' OR a.origin = $source
GROUP BY a.origin, a.reason
ORDER BY a.origin, a.reason
