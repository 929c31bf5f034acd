-- One row per price source and tier: the prices kept beside the standard rate as price kinds of
-- their own (price_tiers: off-peak and peak hours, batch, flex, priority and fast offers,
-- long-context rates), which no figure reads as a model's price, with one example.
-- $source = '' for every source.
SELECT coalesce(origin, 'house') AS source, tier, count(*) AS prices, count(DISTINCT model) AS models,
       arg_min(model || ' at ' || provider || ', ' || token_type || ': $' || usd_per_mtok || coalesce(' (' || detail || ')', ''),
               (model, provider, token_type, valid_from)) AS example
FROM price_tiers
WHERE $source = '' OR coalesce(origin, 'house') = $source
GROUP BY ALL
ORDER BY source, tier
