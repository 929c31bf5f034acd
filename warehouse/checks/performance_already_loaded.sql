-- One row per input row repeating a measurement already in the warehouse (the same key, an empty
-- value matching an empty one): a second copy would count its requests twice in every median.
SELECT t._row,
       'measured_at' AS column_name,
       CAST(t.measured_at AS VARCHAR) AS value,
       'expected a new measurement: this ' || t.statistic || ' of ' || t.model || ' at ' || t.provider
           || ' from ' || t.source || ' was loaded in batch ' || p.batch_id AS reason
FROM typed t
JOIN performance_measurements p
  ON p.model = t.model AND p.provider = t.provider AND p.source = t.source AND p.statistic = t.statistic
 AND p.measured_at = t.measured_at
 AND p.endpoint IS NOT DISTINCT FROM t.endpoint AND p.run_ref IS NOT DISTINCT FROM t.run_ref
 AND p.region IS NOT DISTINCT FROM t.region AND p.prompt_tokens IS NOT DISTINCT FROM t.prompt_tokens
 AND p.output_tokens IS NOT DISTINCT FROM t.output_tokens AND p.concurrency IS NOT DISTINCT FROM t.concurrency
WHERE p.batch_id NOT IN (SELECT batch_id FROM replaced_batches)
