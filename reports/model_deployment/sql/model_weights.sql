-- Every model: its name and whether its weights are open (a closed model can be bought only as a
-- service, so no dedicated system can serve it).
SELECT m.model, n.name AS display_name, m.open_weights
FROM models m
JOIN model_names n USING (model)
ORDER BY m.model
