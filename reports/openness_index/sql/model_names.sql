-- Every model's name as reports print it.
SELECT m.model, n.name AS display_name, m.creator, m.release_date FROM models m JOIN model_names n USING (model)
