-- Load accepted throughput measurements of whole systems.
INSERT INTO throughput_measurements
SELECT model, system, measured_at, scenario, concurrency, prompt_tokens, output_tokens, output_tokens_per_s,
       ttft_p50_s, tpot_p50_s, ttft_limit_s, tpot_limit_s, source, run_ref, note, $batch_id
FROM accepted;
