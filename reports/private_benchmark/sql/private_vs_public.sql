-- The client's ranking beside the public one, for Intelligence Index version $version as of $as_of,
-- on the chosen evaluations.
SELECT p.*, m.name AS display_name FROM private_vs_public p
JOIN model_names m USING (model)
WHERE p.index_id = 'intelligence' AND p.version = $version AND p.as_of = $as_of
  AND list_contains($evaluations, p.evaluation)
ORDER BY p.evaluation, p.private_position
