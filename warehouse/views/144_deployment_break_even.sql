-- One row per as-of date, model, system (at a scenario, concurrency and cost basis, from
-- serving_cost) and provider selling the model's output tokens that day: the monthly volume at
-- which the dedicated system costs what the provider charges, rent R per hour x 730 hours (an
-- average month) / the provider's price P per million output tokens = R x 730 / P million output
-- tokens a month; the system's capacity flat out; and the share of it the break-even needs (above
-- 1, the system never pays for itself against that provider). Output tokens only: the input a
-- serverless provider also charges for is left out on both sides.
CREATE OR REPLACE VIEW deployment_break_even AS
SELECT p.as_of, s.model, s.system, s.scenario, s.concurrency, s.cost_basis, p.provider,
       coalesce(e.first_party, false) AS first_party,
       p.usd_per_mtok AS provider_output_usd_per_mtok,
       s.usd_per_hour,
       s.usd_per_hour * 730 AS usd_per_month,
       s.usd_per_hour * 730 / p.usd_per_mtok AS break_even_mtok_per_month,
       s.output_tokens_per_s * 3600 * 730 / 1000000 AS capacity_mtok_per_month,
       s.usd_per_mtok_output / p.usd_per_mtok AS break_even_utilisation,
       s.usd_per_mtok_output AS dedicated_usd_per_mtok_output,
       s.api_comparable, s.measured_at, s.priced_at
FROM serving_cost s
JOIN price_as_of p ON p.model = s.model AND p.token_type = 'output' AND p.usd_per_mtok > 0
LEFT JOIN endpoints e ON e.model = p.model AND e.provider = p.provider;
COMMENT ON VIEW deployment_break_even IS 'Per as_of, model, system, scenario, concurrency, cost_basis, provider: first_party, provider_output_usd_per_mtok (P), usd_per_hour (R), usd_per_month (R x 730), break_even_mtok_per_month (R x 730 / P), capacity_mtok_per_month, break_even_utilisation (break-even / capacity), dedicated_usd_per_mtok_output, api_comparable, measured_at, priced_at.';
