-- One row per stored speed measurement the house does not use, and why: quarantined, never deleted,
-- so that a reader can be shown what was left out (speed_checked applies the rules to every row;
-- speed_as_of and ttft_measurements read every other measurement). The first reason that applies
-- is given, in this order:
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
SELECT * FROM speed_checked WHERE reason IS NOT NULL;
COMMENT ON VIEW speed_anomalies IS 'Per stored speed measurement the house does not use: every column of performance_measurements (its key, figures, source, run_ref and batch_id), reason (repeated: the same speed and TTFT from one source on one day at 5 or more models; before release: dated before model_dates.dated_from; implausible: output speed below 2 or above 10,000 tokens a second, TTFT or end-to-end time of zero or less, end-to-end shorter than TTFT) and the detail that shows it.';
