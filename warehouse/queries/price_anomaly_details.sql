-- Every stored price the house does not use (price_anomalies), with its reason and detail, by
-- source and reason. $source = '' for every source.
SELECT *
FROM price_anomalies
WHERE $source = '' OR origin = $source
ORDER BY origin, reason, model, provider, token_type
