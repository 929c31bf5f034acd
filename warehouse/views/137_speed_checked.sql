-- One row per stored speed measurement: every column of performance_measurements, and the reason
-- the house does not use it (NULL: it is used), with the detail that shows it. The rules are
-- speed_anomalies' (below it, the quarantined rows alone); speed_as_of and ttft_measurements
-- read the rows whose reason is NULL. One figure of a row can be a stand-in while the other is
-- measured: an output speed one source gave five or more models on one day (LLM-Stats' 42 tokens a
-- second, with several times to first token), or a time to first token it gave one model at five
-- or more providers on one day (0.65 s for Llama 3.3 70B at Cerebras, at 2,220 tokens a second,
-- and at DeepInfra, at 37). That figure is left out (NULL) and the row used for the other, its
-- detail saying which was left out and why; a row whose figures are both stand-ins is 'repeated'.
CREATE OR REPLACE VIEW speed_checked AS
WITH repeated AS (  -- figures that one source gave many models on one day
    SELECT source, measured_at, statistic, output_tokens_per_s, ttft_s, count(DISTINCT model) AS models
    FROM performance_measurements
    GROUP BY source, measured_at, statistic, output_tokens_per_s, ttft_s
    HAVING count(DISTINCT model) >= 5
),
same_speed AS (  -- an output speed one source gave many models on one day
    SELECT source, measured_at, statistic, output_tokens_per_s, count(DISTINCT model) AS models
    FROM performance_measurements WHERE output_tokens_per_s IS NOT NULL
    GROUP BY ALL HAVING count(DISTINCT model) >= 5
),
same_ttft AS (  -- a time to first token one source gave one model at many providers on one day
    SELECT source, measured_at, statistic, model, ttft_s, count(DISTINCT provider) AS providers
    FROM performance_measurements WHERE ttft_s IS NOT NULL
    GROUP BY ALL HAVING count(DISTINCT provider) >= 5
),
figures AS (  -- each measurement with a stand-in figure left out
    SELECT p.* REPLACE (CASE WHEN ss.models IS NULL THEN p.output_tokens_per_s END AS output_tokens_per_s,
                        CASE WHEN st.providers IS NULL THEN p.ttft_s END AS ttft_s),
           concat_ws('; ',
               CASE WHEN ss.models IS NOT NULL THEN 'output speed left out: ' || p.output_tokens_per_s
                    || ' tokens a second given to ' || ss.models || ' models by ' || p.source || ' on ' || p.measured_at END,
               CASE WHEN st.providers IS NOT NULL THEN 'time to first token left out: ' || p.ttft_s || ' s given to '
                    || st.providers || ' providers of this model by ' || p.source || ' on ' || p.measured_at END) AS left_out,
           (ss.models IS NOT NULL OR p.output_tokens_per_s IS NULL) AND (st.providers IS NOT NULL OR p.ttft_s IS NULL)
               AND (ss.models IS NOT NULL OR st.providers IS NOT NULL) AS all_stand_ins,
           p.output_tokens_per_s AS stored_speed, p.ttft_s AS stored_ttft
    FROM performance_measurements p
    LEFT JOIN same_speed ss
        ON ss.source = p.source AND ss.measured_at = p.measured_at AND ss.statistic = p.statistic
       AND ss.output_tokens_per_s = p.output_tokens_per_s
    LEFT JOIN same_ttft st
        ON st.source = p.source AND st.measured_at = p.measured_at AND st.statistic = p.statistic
       AND st.model = p.model AND st.ttft_s = p.ttft_s
),
reasons AS (
    SELECT p.* EXCLUDE (left_out, all_stand_ins, stored_speed, stored_ttft)
               REPLACE (CASE WHEN r.models IS NOT NULL OR p.all_stand_ins THEN p.stored_speed ELSE p.output_tokens_per_s END
                            AS output_tokens_per_s,
                        CASE WHEN r.models IS NOT NULL OR p.all_stand_ins THEN p.stored_ttft ELSE p.ttft_s END AS ttft_s),
           CASE WHEN r.models IS NOT NULL OR p.all_stand_ins THEN 'repeated'
                WHEN p.measured_at < m.dated_from THEN 'before release'
                WHEN p.output_tokens_per_s < 2 OR p.output_tokens_per_s > 10000 OR p.ttft_s <= 0 OR p.e2e_s <= 0
                     OR p.e2e_s < p.ttft_s THEN 'implausible'
           END AS reason,
           CASE WHEN r.models IS NOT NULL
                    THEN coalesce(p.stored_speed || ' tokens a second', 'no output speed') || ' and '
                         || coalesce(p.stored_ttft || ' s to the first token', 'no time to first token') || ' given to '
                         || r.models || ' models by ' || p.source || ' on ' || p.measured_at
                WHEN p.all_stand_ins THEN p.left_out
                WHEN p.measured_at < m.dated_from
                    THEN 'measured ' || p.measured_at || ', before the model''s release on ' || m.dated_from
                WHEN p.output_tokens_per_s < 2 OR p.output_tokens_per_s > 10000
                    THEN p.output_tokens_per_s || ' tokens a second, outside 2 to 10,000'
                WHEN p.ttft_s <= 0 THEN p.ttft_s || ' s to the first token'
                WHEN p.e2e_s <= 0 THEN p.e2e_s || ' s end to end'
                WHEN p.e2e_s < p.ttft_s THEN p.e2e_s || ' s end to end, shorter than ' || p.ttft_s || ' s to the first token'
                ELSE nullif(p.left_out, '')  -- a used row: the stand-in figure left out, if any
           END AS detail
    FROM figures p
    LEFT JOIN repeated r
        ON r.source = p.source AND r.measured_at = p.measured_at AND r.statistic = p.statistic
       AND r.output_tokens_per_s IS NOT DISTINCT FROM p.stored_speed AND r.ttft_s IS NOT DISTINCT FROM p.stored_ttft
    LEFT JOIN model_dates m ON m.model = p.model
)
SELECT * FROM reasons;
COMMENT ON VIEW speed_checked IS 'Per stored speed measurement: every column of performance_measurements (a stand-in figure of a used row left out: NULL), reason (NULL when the house uses it; else repeated, before release or implausible, as speed_anomalies says) and detail (for a used row, the stand-in figure left out, if any).';
