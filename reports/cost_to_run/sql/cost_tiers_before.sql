-- The cheapest variant at each tier of version $version's report policy, as of $as_of (the previous
-- quarter's end), and whether its model can no longer be bought on $now (the report's date): a past
-- price of a model retired since says so (model_buyable, the one rule).
SELECT t.*, coalesce(NOT b.buyable, false) AS retired_since
FROM cost_tiers t
LEFT JOIN model_buyable b ON b.model = t.model AND b.as_of = $now
WHERE t.index_id = 'intelligence' AND t.version = $version AND t.as_of = $as_of
ORDER BY t.tier
