-- Every variant with a complete index in version $version, as of $as_of: its index and cost.
SELECT * FROM intelligence_cost
WHERE index_id = 'intelligence' AND version = $version AND as_of = $as_of
ORDER BY rank, "index" DESC, model, effort  -- within a shared rank by index, as the ranking page says
