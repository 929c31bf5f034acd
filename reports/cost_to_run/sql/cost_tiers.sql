-- The cheapest variant at each tier of version $version's report policy, as of $as_of.
SELECT * FROM cost_tiers
WHERE index_id = 'intelligence' AND version = $version AND as_of = $as_of
ORDER BY tier
