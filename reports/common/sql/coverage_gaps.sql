-- The notable models released by $as_of that have no complete index in version $version, the newest
-- first, by creator, with the creator's name (its slug where the house has not named it).
SELECT g.*, coalesce(c.name, g.creator) AS creator_name
FROM coverage_gaps g
LEFT JOIN creators c USING (creator)
WHERE g.index_id = 'intelligence' AND g.version = $version AND g.as_of = $as_of
ORDER BY g.release_date DESC, g.creator, g.display_name
