-- The variants that share rank 1 of version $version on $as_of, the highest index first.
SELECT * FROM intelligence_cost
WHERE index_id = 'intelligence' AND version = $version AND as_of = $as_of AND rank = 1
ORDER BY "index" DESC, model, effort
