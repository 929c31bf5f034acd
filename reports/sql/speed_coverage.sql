-- Every model with an output speed at some provider on $as_of: how well the house's speed data
-- covers it, the best covered first.
SELECT c.*, n.name AS display_name
FROM speed_coverage c
JOIN model_names n USING (model)
WHERE c.as_of = $as_of
ORDER BY c.coverage_rank
