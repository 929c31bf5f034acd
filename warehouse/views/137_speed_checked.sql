-- One row per stored speed measurement: every column of performance_measurements, and the reason
-- the house does not use it (NULL: it is used), with the detail that shows it. The rules are
-- speed_anomalies' (below it, the quarantined rows alone); speed_as_of and ttft_measurements
-- read the rows whose reason is NULL.
CREATE OR REPLACE VIEW speed_checked AS
WITH repeated AS (  -- figures that one source gave many models on one day
    SELECT source, measured_at, statistic, output_tokens_per_s, ttft_s, count(DISTINCT model) AS models
    FROM performance_measurements
    GROUP BY source, measured_at, statistic, output_tokens_per_s, ttft_s
    HAVING count(DISTINCT model) >= 5
),
reasons AS (
    SELECT p.*,
           CASE WHEN r.models IS NOT NULL THEN 'repeated'
                WHEN p.measured_at < m.dated_from THEN 'before release'
                WHEN p.output_tokens_per_s < 2 OR p.output_tokens_per_s > 10000 OR p.ttft_s <= 0 OR p.e2e_s <= 0
                     OR p.e2e_s < p.ttft_s THEN 'implausible'
           END AS reason,
           CASE WHEN r.models IS NOT NULL
                    THEN coalesce(p.output_tokens_per_s || ' tokens a second', 'no output speed') || ' and '
                         || coalesce(p.ttft_s || ' s to the first token', 'no time to first token') || ' given to '
                         || r.models || ' models by ' || p.source || ' on ' || p.measured_at
                WHEN p.measured_at < m.dated_from
                    THEN 'measured ' || p.measured_at || ', before the model''s release on ' || m.dated_from
                WHEN p.output_tokens_per_s < 2 OR p.output_tokens_per_s > 10000
                    THEN p.output_tokens_per_s || ' tokens a second, outside 2 to 10,000'
                WHEN p.ttft_s <= 0 THEN p.ttft_s || ' s to the first token'
                WHEN p.e2e_s <= 0 THEN p.e2e_s || ' s end to end'
                ELSE p.e2e_s || ' s end to end, shorter than ' || p.ttft_s || ' s to the first token'
           END AS detail
    FROM performance_measurements p
    LEFT JOIN repeated r
        ON r.source = p.source AND r.measured_at = p.measured_at AND r.statistic = p.statistic
       AND r.output_tokens_per_s IS NOT DISTINCT FROM p.output_tokens_per_s AND r.ttft_s IS NOT DISTINCT FROM p.ttft_s
    LEFT JOIN model_dates m ON m.model = p.model
)
SELECT * FROM reasons;
COMMENT ON VIEW speed_checked IS 'Per stored speed measurement: every column of performance_measurements, reason (NULL when the house uses it; else repeated, before release or implausible, as speed_anomalies says) and detail.';
