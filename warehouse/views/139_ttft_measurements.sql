-- One row per time-to-first-token measurement with a prompt length: its central figure, the median
-- where the source gives one, else the mean, else the source's single figure (`statistic` says
-- which). Quarantined measurements (speed_anomalies) are never read. ttft_by_prompt_length and
-- ttft_growth read their measurements here.
CREATE OR REPLACE VIEW ttft_measurements AS
SELECT p.*
FROM performance_measurements p
    ANTI JOIN speed_anomalies a
        ON a.model = p.model AND a.provider = p.provider AND a.source = p.source AND a.statistic = p.statistic
       AND a.measured_at = p.measured_at AND a.endpoint IS NOT DISTINCT FROM p.endpoint
       AND a.run_ref IS NOT DISTINCT FROM p.run_ref AND a.region IS NOT DISTINCT FROM p.region
       AND a.prompt_tokens IS NOT DISTINCT FROM p.prompt_tokens AND a.output_tokens IS NOT DISTINCT FROM p.output_tokens
       AND a.concurrency IS NOT DISTINCT FROM p.concurrency
WHERE p.prompt_tokens IS NOT NULL AND p.ttft_s IS NOT NULL AND p.statistic IN ('median', 'mean', 'point')
QUALIFY row_number() OVER (
    PARTITION BY model, provider, endpoint, source, run_ref, measured_at, region, prompt_tokens,
                 output_tokens, concurrency
    ORDER BY CASE statistic WHEN 'median' THEN 0 WHEN 'mean' THEN 1 ELSE 2 END) = 1;
COMMENT ON VIEW ttft_measurements IS 'Per TTFT measurement with a prompt length, quarantined ones (speed_anomalies) left out (model, provider, endpoint, source, run_ref, measured_at, region, prompt_tokens, output_tokens, concurrency): every column of performance_measurements, the row being its central statistic (median, else mean, else point).';
