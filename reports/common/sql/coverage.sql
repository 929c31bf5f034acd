-- How far version $version reaches on $as_of: the newest release with a complete index.
SELECT * FROM coverage WHERE index_id = 'intelligence' AND version = $version AND as_of = $as_of
