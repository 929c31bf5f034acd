-- Both arms of the smile on one scale for version $version, up to $as_of.
SELECT * FROM smile_relative
WHERE index_id = 'intelligence' AND version = $version AND as_of <= $as_of AND scores_as_of = $as_of
ORDER BY series, as_of
