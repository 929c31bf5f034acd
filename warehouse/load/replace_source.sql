-- A new read of a source replaces what its earlier batches loaded: the rows go, the batches stay
-- (and earlier snapshots still show them). Canonical models, variants, providers and endpoints
-- stay too: other batches may name them.
DELETE FROM task_results
WHERE run_id IN (SELECT run_id FROM eval_runs WHERE batch_id IN (SELECT batch_id FROM replaced_batches));
DELETE FROM eval_runs WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
DELETE FROM prices WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
DELETE FROM price_tiers WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
DELETE FROM published_aggregates WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
DELETE FROM published_usage WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
DELETE FROM openness_assessments WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
DELETE FROM developer_assessments WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
DELETE FROM model_aliases WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
DELETE FROM model_lifecycles WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
DELETE FROM performance_measurements WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
DELETE FROM systems WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
DELETE FROM throughput_measurements WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
DELETE FROM model_modalities WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
DELETE FROM served_regions WHERE batch_id IN (SELECT batch_id FROM replaced_batches);
