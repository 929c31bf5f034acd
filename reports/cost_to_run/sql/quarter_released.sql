-- Notable models (version $version's report policy) released after $previous_as_of and on or before $as_of.
SELECT m.model, n.name AS display_name, m.creator, m.release_date, m.sold_first_party
FROM notable_models m
JOIN model_names n USING (model)
WHERE m.index_id = 'intelligence' AND m.version = $version AND m.as_of = $as_of
  AND m.release_date > $previous_as_of
ORDER BY m.release_date, n.name
