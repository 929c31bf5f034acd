-- Price cuts and rises between $previous_as_of and $as_of of models sold on both days (blended,
-- per million tokens), the largest move first.
SELECT c.*, n.name AS display_name
FROM blended_price_change c
JOIN model_names n USING (model)
WHERE c.as_of = $as_of AND c.previous_as_of = $previous_as_of
ORDER BY abs(ln(c.ratio)) DESC, n.name
