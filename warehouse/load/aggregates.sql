-- Load accepted published scores; variants are registered on first sight.
INSERT INTO model_variants
SELECT DISTINCT model, effort, $batch_id
FROM accepted
ANTI JOIN model_variants USING (model, effort);

INSERT INTO published_aggregates
SELECT source, model, effort, evaluation, mean, std_error, n, measured_at, $batch_id, metric,
       nullif(run_ref, ''), provenance
FROM accepted;
