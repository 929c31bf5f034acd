-- Every stored speed measurement the house does not use (speed_anomalies), with its reason and
-- detail, by source and reason. $source = '' for every source.
SELECT *
FROM speed_anomalies
WHERE $source = '' OR source = $source
ORDER BY source, reason, model, provider, measured_at
