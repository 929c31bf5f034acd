-- One row per intelligence index version, scores date (scores_as_of: the measurements that decide
-- who meets the threshold and who holds the frontier), series and month end up to it: both arms of the smile on one
-- scale, each divided by its own value in the first month both arms have one. The left arm is the
-- price of the threshold the version's report policy names (report_policies.smile_threshold); the
-- right arm the frontier's cost per task in that version.
CREATE OR REPLACE VIEW smile_relative AS
WITH series AS (
    SELECT p.index_id, p.version, l.scores_as_of, p.smile_threshold AS threshold,
           'Price of a fixed level of intelligence' AS series, l.as_of, l.blended_usd_per_mtok AS value
    FROM report_policies p
    JOIN price_of_intelligence l ON l.threshold = p.smile_threshold
    UNION ALL
    SELECT f.index_id, f.version, f.scores_as_of, p.smile_threshold, 'Spend per task at the frontier', f.as_of,
           f.cost_per_task
    FROM frontier_spend f
    JOIN report_policies p USING (index_id, version)
    WHERE f.cost_per_task IS NOT NULL
),
start AS (
    SELECT index_id, version, scores_as_of, max(first_as_of) AS as_of
    FROM (SELECT index_id, version, scores_as_of, series, min(as_of) AS first_as_of FROM series GROUP BY ALL)
    GROUP BY ALL
)
SELECT s.index_id, s.version, s.scores_as_of, s.threshold, s.series, s.as_of,
       s.value / first_value(s.value) OVER (PARTITION BY s.index_id, s.version, s.scores_as_of, s.series ORDER BY s.as_of)
           AS relative
FROM series s
JOIN start USING (index_id, version, scores_as_of)
WHERE s.as_of >= start.as_of;
COMMENT ON VIEW smile_relative IS 'Per index_id, version, scores_as_of, series and as_of: relative (the value divided by its value in the first month both arms have one); threshold is the left arm''s, from the report policy.';
