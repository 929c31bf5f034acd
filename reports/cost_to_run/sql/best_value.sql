-- The variant with the most index points per dollar of running version $version, as of $as_of.
SELECT * FROM intelligence_cost
WHERE index_id = 'intelligence' AND version = $version AND as_of = $as_of AND index_per_usd IS NOT NULL
ORDER BY index_per_usd DESC, model, effort
LIMIT 1
