-- One row per stored speed measurement the house does not use, and why: quarantined, never deleted,
-- so that a reader can be shown what was left out. speed_as_of and ttft_measurements read every
-- other measurement. The first reason that applies is given, in this order:
--  * repeated: the same output speed and time to first token (the pair as stored, a figure the
--    source left out counting as one value) for the same statistic from one source on one day at 5
--    or more distinct models. A figure of one model's requests is not another's: two models may
--    share a rounded figure, five sharing both figures is the source's stand-in (LLM-Stats gives
--    100 tokens a second and 0.5 s to 24 models on 2025-07-19, 42 and 0.4 s to 13);
--  * before release: dated before the day the model is dated from (model_dates.dated_from: its
--    release date, or the date its id carries where the release date held is earlier), the day the
--    model could first be called: a figure of another model or of a preview under its name;
--  * implausible: an output speed below 2 tokens a second, at which a 500-token answer takes over
--    four minutes and no service has been sold (the slowest median over several requests in the
--    house's request-level sources is 4.1, Azure's GPT-4 Turbo preview in April 2024; below 2 lie
--    one stalled request of it and LLM-Stats' single figure of 0.9 for DeepSeek-R1 at DeepInfra),
--    or above 10,000 (the fastest single streams published, Cerebras' and SambaNova's, run at 1,000
--    to 3,000: above 10,000 is a whole system's throughput or a unit slip); a time to first token or
--    an end-to-end time of zero or less, or an end-to-end time shorter than the time to first token.
CREATE OR REPLACE VIEW speed_anomalies AS
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
SELECT * FROM reasons WHERE reason IS NOT NULL;
COMMENT ON VIEW speed_anomalies IS 'Per stored speed measurement the house does not use: every column of performance_measurements (its key, figures, source, run_ref and batch_id), reason (repeated: the same speed and TTFT from one source on one day at 5 or more models; before release: dated before model_dates.dated_from; implausible: output speed below 2 or above 10,000 tokens a second, TTFT or end-to-end time of zero or less, end-to-end shorter than TTFT) and the detail that shows it.';
