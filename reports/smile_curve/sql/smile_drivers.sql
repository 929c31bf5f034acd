-- What moved the frontier's spend in version $version, quarter by quarter up to $as_of.
SELECT * FROM frontier_drivers
WHERE index_id = 'intelligence' AND version = $version AND as_of <= $as_of AND scores_as_of = $as_of
ORDER BY as_of
