-- One row per as-of date, model, provider and prompt-length bucket (the buckets of
-- ttft_by_prompt_length) with time-to-first-token measurements on or before the date: the bucket's
-- TTFT taken as ttft_by_prompt_length takes it (the median of each measurement's central figure)
-- but over the measurements known by then; the median prompt length behind it; growth, the TTFT over
-- that of the provider's shortest bucket that day (how many times longer the first token takes);
-- the buckets the provider has that day; the last day measured, its age and whether it is stale.
CREATE OR REPLACE VIEW ttft_growth AS
WITH buckets AS (
    SELECT DISTINCT bucket, low_tokens, high_tokens FROM ttft_by_prompt_length
),
known AS (
    SELECT c.as_of, m.model, m.provider, b.bucket, b.low_tokens, b.high_tokens,
           median(m.prompt_tokens) AS prompt_tokens, median(m.ttft_s) AS ttft_s,
           sum(m.requests) AS requests, count(*) AS measurements, max(m.measured_at) AS last_measured,
           string_agg(DISTINCT m.source, ', ' ORDER BY m.source) AS sources
    FROM calendar c
    JOIN ttft_measurements m ON m.measured_at <= c.as_of
    JOIN buckets b ON m.prompt_tokens >= b.low_tokens AND (b.high_tokens IS NULL OR m.prompt_tokens < b.high_tokens)
    GROUP BY c.as_of, m.model, m.provider, b.bucket, b.low_tokens, b.high_tokens
)
SELECT *,
       ttft_s / first_value(ttft_s) OVER (PARTITION BY as_of, model, provider ORDER BY low_tokens) AS growth,
       count(*) OVER (PARTITION BY as_of, model, provider) AS buckets,
       datediff('day', last_measured, as_of) AS age_days,
       datediff('day', last_measured, as_of) > 365 AS stale
FROM known;
COMMENT ON VIEW ttft_growth IS 'Per as_of, model, provider, prompt-length bucket with TTFT measured by then: low_tokens, high_tokens, prompt_tokens (median), ttft_s (median of the central figures), requests, measurements, last_measured, sources, growth (TTFT over the provider''s shortest bucket''s), buckets (the provider''s that day), age_days, stale.';
