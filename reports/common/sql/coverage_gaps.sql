-- The notable models released by $as_of that have no complete index in version $version, the newest
-- first, by creator.
SELECT * FROM coverage_gaps
WHERE index_id = 'intelligence' AND version = $version AND as_of = $as_of
ORDER BY release_date DESC, creator, display_name
