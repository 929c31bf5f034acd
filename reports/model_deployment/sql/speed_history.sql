-- Month end by month end up to $as_of, the speed at every provider of the models with a provider
-- measured on two days or more by then, up to the month of the model's newest measurement: each
-- provider's line only over the month ends measured by the source and on the workload of its speed
-- on $as_of (speed_trend's like-for-like series), so that no line joins two workloads.
SELECT t.as_of, t.model, t.provider, t.output_tokens_per_s, t.measured_at, t.sources, t.workloads, t.prompt_tokens,
       t.output_tokens, t.concurrency
FROM speed_trend t
JOIN speed_coverage c ON c.as_of = $as_of AND c.model = t.model
JOIN speed_trend n ON n.as_of = $as_of AND n.model = t.model AND n.provider = t.provider
 AND n.workloads = 1 AND t.workloads = 1 AND n.sources = t.sources
 AND n.prompt_tokens IS NOT DISTINCT FROM t.prompt_tokens AND n.output_tokens IS NOT DISTINCT FROM t.output_tokens
 AND n.concurrency IS NOT DISTINCT FROM t.concurrency
WHERE c.remeasured_providers > 0 AND t.as_of <= c.history_until
ORDER BY t.model, t.provider, t.as_of
