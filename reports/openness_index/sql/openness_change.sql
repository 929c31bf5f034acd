-- Models whose Openness Index, or what it rests on, changed between $previous_as_of and $as_of (or
-- that were first scored), in the openness version of version $version's report policy: openness
-- changes first, the largest first; then changes of source, of coverage, and first scores.
SELECT c.*
FROM openness_change c
JOIN report_policies p ON p.openness_index_id = c.index_id AND p.openness_version = c.version
WHERE p.index_id = 'intelligence' AND p.version = $version AND c.as_of = $as_of AND c.previous_as_of = $previous_as_of
ORDER BY CASE c.kind WHEN 'openness' THEN 0 WHEN 'source' THEN 1 WHEN 'coverage' THEN 2 ELSE 3 END,
         abs(c.change) DESC NULLS LAST, c.display_name
