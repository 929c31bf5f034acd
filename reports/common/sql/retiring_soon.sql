-- Models deprecated by $as_of whose announced shutdown falls in the next two quarters after it.
SELECT l.model, n.name AS display_name, l.deprecated_on, l.shutdown_on,
       l.replacement_name AS replacement  -- its display name where the house knows the model
FROM model_lifecycle l
JOIN model_names n USING (model)
WHERE l.as_of = $as_of AND l.status = 'deprecated'
  AND l.shutdown_on > $as_of AND l.shutdown_on <= $as_of + INTERVAL 6 MONTH
ORDER BY l.shutdown_on, n.name
