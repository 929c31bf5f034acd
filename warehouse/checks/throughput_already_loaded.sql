-- One row per input row repeating a throughput measurement already in the warehouse (the same key,
-- an empty value matching an empty one).
SELECT t._row,
       'measured_at' AS column_name,
       CAST(t.measured_at AS VARCHAR) AS value,
       'expected a new measurement: ' || t.model || ' on ' || t.system || ' from ' || t.source
           || ' was loaded in batch ' || m.batch_id AS reason
FROM typed t
JOIN throughput_measurements m
  ON m.model = t.model AND m.system = t.system AND m.measured_at = t.measured_at AND m.source = t.source
 AND m.scenario IS NOT DISTINCT FROM t.scenario AND m.concurrency IS NOT DISTINCT FROM t.concurrency
 AND m.run_ref IS NOT DISTINCT FROM t.run_ref
WHERE m.batch_id NOT IN (SELECT batch_id FROM replaced_batches)
