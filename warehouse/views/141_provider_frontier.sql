-- One row per as-of date, model and provider with an output speed on that date (speed_as_of: the
-- median where measured, else the mean, else a source's single figure, `statistic` says which):
-- the provider's blended price that day, (3 x input + output) / 4 per million tokens as
-- blended_price blends a model's, and whether it is on the price-speed frontier of the model: no
-- other provider is as cheap and as fast and better on one. A zero price is a free preview, not a
-- price (as in model_price_as_of); a provider without both prices cannot be placed (on_frontier NULL).
CREATE OR REPLACE VIEW provider_frontier AS
WITH central AS (
    SELECT *
    FROM speed_as_of
    WHERE output_tokens_per_s IS NOT NULL AND statistic IN ('median', 'mean', 'point')
    QUALIFY row_number() OVER (PARTITION BY as_of, model, provider
                               ORDER BY CASE statistic WHEN 'median' THEN 0 WHEN 'mean' THEN 1 ELSE 2 END) = 1
),
points AS (
    SELECT c.as_of, c.model, c.provider, coalesce(e.first_party, false) AS first_party,
           p.input_usd_per_mtok, p.output_usd_per_mtok, p.blended_usd_per_mtok,
           c.output_tokens_per_s, c.ttft_s, c.statistic, c.measured_at, c.age_days, c.stale, c.sources,
           c.workloads, c.prompt_tokens, c.output_tokens, c.concurrency
    FROM central c
    LEFT JOIN provider_prices p USING (as_of, model, provider)
    LEFT JOIN endpoints e USING (model, provider)
)
SELECT p.*,
       CASE WHEN p.blended_usd_per_mtok IS NOT NULL THEN NOT EXISTS (
           SELECT 1 FROM points q
           WHERE q.as_of = p.as_of AND q.model = p.model AND q.blended_usd_per_mtok IS NOT NULL
             AND q.blended_usd_per_mtok <= p.blended_usd_per_mtok
             AND q.output_tokens_per_s >= p.output_tokens_per_s
             AND (q.blended_usd_per_mtok < p.blended_usd_per_mtok OR q.output_tokens_per_s > p.output_tokens_per_s)
       ) END AS on_frontier
FROM points p;
COMMENT ON VIEW provider_frontier IS 'Per as_of, model, provider with an output speed: first_party, input_usd_per_mtok, output_usd_per_mtok, blended_usd_per_mtok (3:1), output_tokens_per_s, ttft_s, statistic, measured_at, age_days, stale, sources, workloads, prompt_tokens, output_tokens, concurrency (the workload, as speed_as_of gives it), on_frontier (no cheaper-and-faster provider; NULL without a price).';
