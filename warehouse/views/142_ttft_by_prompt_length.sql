-- One row per model, provider and prompt-length bucket with time-to-first-token measurements: the
-- median over the measurements in the bucket of each one's central TTFT (its median, else its
-- mean, else a source's single figure), the prompt lengths and days they span, and the requests
-- behind them. Buckets double with length up to 256k tokens (the context windows models are sold
-- with), so that a 900k-token prompt is never averaged with a 50k-token one.
CREATE OR REPLACE VIEW ttft_by_prompt_length AS
WITH buckets(bucket, low_tokens, high_tokens) AS (
    VALUES ('<1k', 0, 1000), ('1k-8k', 1000, 8000), ('8k-32k', 8000, 32000), ('32k-64k', 32000, 64000),
           ('64k-128k', 64000, 128000), ('128k-256k', 128000, 256000), ('256k-512k', 256000, 512000),
           ('512k-768k', 512000, 768000), ('768k-1M', 768000, 1000000), ('1M+', 1000000, NULL)
)
SELECT c.model, c.provider, b.bucket, b.low_tokens, b.high_tokens,
       min(c.prompt_tokens) AS min_prompt_tokens, max(c.prompt_tokens) AS max_prompt_tokens,
       median(c.ttft_s) AS ttft_s, min(c.ttft_s) AS ttft_low_s, max(c.ttft_s) AS ttft_high_s,
       sum(c.requests) AS requests, count(*) AS measurements,
       min(c.measured_at) AS first_measured, max(c.measured_at) AS last_measured,
       string_agg(DISTINCT c.source, ', ' ORDER BY c.source) AS sources
FROM ttft_measurements c
JOIN buckets b ON c.prompt_tokens >= b.low_tokens AND (b.high_tokens IS NULL OR c.prompt_tokens < b.high_tokens)
GROUP BY c.model, c.provider, b.bucket, b.low_tokens, b.high_tokens;
COMMENT ON VIEW ttft_by_prompt_length IS 'Per model, provider, prompt-length bucket (bucket, low_tokens inclusive, high_tokens exclusive): min_prompt_tokens, max_prompt_tokens, ttft_s (median of the measurements'' central TTFT), ttft_low_s, ttft_high_s, requests, measurements, first_measured, last_measured, sources.';
