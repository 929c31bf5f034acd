-- One row per as-of date, model, provider and statistic: the latest speed measured on or before the
-- date, its age in days and whether it is stale (older than 365 days). Only short prompts count
-- (at most 10,000 input tokens, or not stated): time to first token over long prompts is
-- ttft_by_prompt_length's. Where several measurements share that latest day (regions, endpoints,
-- sources), each figure is the median of theirs and their requests add up. Quarantined measurements
-- (speed_anomalies) are never read. The workload behind the figures (prompt and output tokens a
-- request, requests at once) is given where that day's measurements share one source and one
-- workload (workloads = 1; a column is NULL where the source does not say); where they do not
-- (workloads > 1) the columns are NULL and the figures mix workloads.
CREATE OR REPLACE VIEW speed_as_of AS
WITH short AS MATERIALIZED (  -- read twice below: computed once
    SELECT p.* EXCLUDE (reason, detail)
    FROM speed_checked p
    WHERE p.reason IS NULL AND (p.prompt_tokens IS NULL OR p.prompt_tokens <= 10000)
),
latest AS (
    SELECT c.as_of, s.model, s.provider, s.statistic, max(s.measured_at) AS measured_at
    FROM calendar c
    JOIN short s ON s.measured_at <= c.as_of
    GROUP BY c.as_of, s.model, s.provider, s.statistic
)
SELECT l.as_of, l.model, l.provider, l.statistic, l.measured_at,
       min(coalesce(s.measured_from, s.measured_at)) AS measured_from,
       datediff('day', l.measured_at, l.as_of) AS age_days,
       datediff('day', l.measured_at, l.as_of) > 365 AS stale,
       median(s.output_tokens_per_s) AS output_tokens_per_s,
       median(s.ttft_s) AS ttft_s,
       median(s.e2e_s) AS e2e_s,
       sum(s.requests) AS requests,
       count(*) AS measurements,
       string_agg(DISTINCT s.source, ', ' ORDER BY s.source) AS sources,
       string_agg(DISTINCT s.region, ', ' ORDER BY s.region) AS regions,
       count(DISTINCT (s.source, s.prompt_tokens, s.output_tokens, s.concurrency)) AS workloads,
       CASE WHEN count(DISTINCT (s.source, s.prompt_tokens, s.output_tokens, s.concurrency)) = 1
            THEN max(s.prompt_tokens) END AS prompt_tokens,
       CASE WHEN count(DISTINCT (s.source, s.prompt_tokens, s.output_tokens, s.concurrency)) = 1
            THEN max(s.output_tokens) END AS output_tokens,
       CASE WHEN count(DISTINCT (s.source, s.prompt_tokens, s.output_tokens, s.concurrency)) = 1
            THEN max(s.concurrency) END AS concurrency
FROM latest l
JOIN short s USING (model, provider, statistic, measured_at)
GROUP BY l.as_of, l.model, l.provider, l.statistic, l.measured_at;
COMMENT ON VIEW speed_as_of IS 'Per as_of, model, provider, statistic: the latest short-prompt measurement on or before as_of (measured_at, measured_from), age_days, stale (over 365 days), output_tokens_per_s, ttft_s, e2e_s (medians over that day''s measurements), requests, measurements, sources, regions, workloads (distinct source, prompt_tokens, output_tokens and concurrency behind the figures), and where workloads = 1 their prompt_tokens, output_tokens, concurrency (NULL: not stated); quarantined measurements (speed_anomalies) left out.';
