-- Every model's name as reports print it.
SELECT model, display_name, creator, release_date FROM models
