-- Month end by month end up to $as_of, the speed at every provider of the models with a provider
-- measured on two days or more by then, up to the month of the model's newest measurement.
SELECT t.as_of, t.model, t.provider, t.output_tokens_per_s, t.measured_at
FROM speed_trend t
JOIN speed_coverage c ON c.as_of = $as_of AND c.model = t.model
WHERE c.remeasured_providers > 0 AND t.as_of <= c.history_until
ORDER BY t.model, t.provider, t.as_of
