-- Models deprecated or retired by their creators after $previous_as_of and on or before $as_of.
SELECT l.model, n.name AS display_name, l.status, l.deprecated_on, l.shutdown_on,
       l.replacement_name AS replacement  -- its display name where the house knows the model
FROM model_lifecycle l
JOIN model_names n USING (model)
WHERE l.as_of = $as_of
  AND ((l.deprecated_on > $previous_as_of AND l.deprecated_on <= $as_of)
       OR (l.shutdown_on > $previous_as_of AND l.shutdown_on <= $as_of))
ORDER BY coalesce(l.shutdown_on, l.deprecated_on), n.name
