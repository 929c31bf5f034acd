-- Load accepted speed measurements (providers and endpoints are registered by endpoints.sql).
INSERT INTO performance_measurements
SELECT model, provider, endpoint, measured_at, measured_from, prompt_tokens, output_tokens, concurrency,
       region, statistic, output_tokens_per_s, ttft_s, e2e_s, requests, source, account, run_ref, $batch_id
FROM accepted;
