-- One row per time-to-first-token measurement with a prompt length: its central figure, the median
-- where the source gives one, else the mean, else the source's single figure (`statistic` says
-- which). Quarantined measurements (speed_anomalies) are never read. ttft_by_prompt_length and
-- ttft_growth read their measurements here.
CREATE OR REPLACE VIEW ttft_measurements AS
SELECT p.* EXCLUDE (reason, detail)
FROM speed_checked p
WHERE p.reason IS NULL AND p.prompt_tokens IS NOT NULL AND p.ttft_s IS NOT NULL AND p.statistic IN ('median', 'mean', 'point')
QUALIFY row_number() OVER (
    PARTITION BY model, provider, endpoint, source, run_ref, measured_at, region, prompt_tokens,
                 output_tokens, concurrency
    ORDER BY CASE statistic WHEN 'median' THEN 0 WHEN 'mean' THEN 1 ELSE 2 END) = 1;
COMMENT ON VIEW ttft_measurements IS 'Per TTFT measurement with a prompt length, quarantined ones (speed_anomalies) left out (model, provider, endpoint, source, run_ref, measured_at, region, prompt_tokens, output_tokens, concurrency): every column of performance_measurements, the row being its central statistic (median, else mean, else point).';
