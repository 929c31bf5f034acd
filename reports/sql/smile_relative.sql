-- Both arms of the smile on one scale: each series divided by its own first value, from the first
-- month both have a value, up to $period_end. The left arm is threshold $threshold; the right arm
-- the frontier's cost per task in index version $version.
WITH left_arm AS (
    SELECT as_of, blended_usd_per_mtok AS value FROM price_of_intelligence
    WHERE threshold = $threshold AND as_of <= $period_end AND scores_as_of = $period_end
),
right_arm AS (
    SELECT as_of, cost_per_task AS value FROM frontier_spend
    WHERE index_id = 'intelligence' AND version = $version AND as_of <= $period_end AND cost_per_task IS NOT NULL
      AND scores_as_of = $period_end
),
start AS (
    SELECT greatest((SELECT min(as_of) FROM left_arm), (SELECT min(as_of) FROM right_arm)) AS as_of
),
series AS (
    SELECT 'Price of a fixed level of intelligence' AS series, as_of, value FROM left_arm
    UNION ALL
    SELECT 'Spend per task at the frontier', as_of, value FROM right_arm
)
SELECT s.series, s.as_of,
       s.value / first_value(s.value) OVER (PARTITION BY s.series ORDER BY s.as_of) AS relative
FROM series s, start
WHERE s.as_of >= start.as_of
ORDER BY s.series, s.as_of
