-- One row per as-of date, model and provider selling both its input and its output tokens that day
-- (price_as_of, a zero price being a free preview, not a price): the two prices, the blended price
-- (3 x input + output) / 4 as provider_frontier blends it, whether the provider is the model's
-- creator, and, where the house measured the provider's speed by then, its output speed, time to
-- first token, the day measured, its age, whether it is stale and whether the provider is on the
-- price-speed frontier (provider_frontier). A provider with a price and no speed is listed: it
-- sells the model, its speed is unknown.
CREATE OR REPLACE VIEW serverless_options AS
SELECT p.as_of, p.model, p.provider, coalesce(e.first_party, false) AS first_party,
       p.input_usd_per_mtok, p.output_usd_per_mtok, p.blended_usd_per_mtok,
       f.output_tokens_per_s, f.ttft_s, f.statistic, f.measured_at, f.age_days, f.stale, f.on_frontier, f.sources,
       f.workloads, f.prompt_tokens, f.output_tokens, f.concurrency
FROM provider_prices p
LEFT JOIN provider_frontier f USING (as_of, model, provider)
LEFT JOIN endpoints e USING (model, provider);
COMMENT ON VIEW serverless_options IS 'Per as_of, model, provider priced for input and output (above zero): first_party, input_usd_per_mtok, output_usd_per_mtok, blended_usd_per_mtok (3:1); where measured (provider_frontier): output_tokens_per_s, ttft_s, statistic, measured_at, age_days, stale, on_frontier, sources, workloads, prompt_tokens, output_tokens, concurrency (the workload, as speed_as_of gives it).';
