-- Every model with an output speed at some provider on $as_of: how well the house's speed data
-- covers it, the best covered first; buyable: whether it can be bought that day (model_buyable), as a
-- model shown in place of a focus model must be.
SELECT c.*, n.name AS display_name, b.buyable
FROM speed_coverage c
JOIN model_names n USING (model)
JOIN model_buyable b ON b.model = c.model AND b.as_of = c.as_of
WHERE c.as_of = $as_of
ORDER BY c.coverage_rank
