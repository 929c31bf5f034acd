-- Models whose Openness Index moved between $previous_as_of and $as_of (or was first scored), in the
-- openness version of version $version's report policy: those whose score moved first.
SELECT c.*
FROM openness_change c
JOIN report_policies p ON p.openness_index_id = c.index_id AND p.openness_version = c.version
WHERE p.index_id = 'intelligence' AND p.version = $version AND c.as_of = $as_of AND c.previous_as_of = $previous_as_of
ORDER BY c.score_before IS NULL, c.display_name
