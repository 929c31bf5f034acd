-- Load accepted published token usage and cost; variants are registered on first sight.
INSERT INTO model_variants
SELECT DISTINCT model, effort, $batch_id
FROM accepted
ANTI JOIN model_variants USING (model, effort);

INSERT INTO published_usage
SELECT source, model, effort, evaluation, samples, repeats, input_tokens, output_tokens,
       reasoning_tokens, cost_usd, cost_per_task_usd, measured_at, nullif(run_ref, ''), $batch_id
FROM accepted;
