-- The client's ranking beside the public one, for Intelligence Index version $version, on the
-- chosen evaluations.
SELECT p.*, m.display_name FROM private_vs_public p
JOIN models m USING (model)
WHERE p.index_id = 'intelligence' AND p.version = $version AND list_contains($evaluations, p.evaluation)
ORDER BY p.evaluation, p.private_position
