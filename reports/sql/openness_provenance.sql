-- Where the openness scores shown with version $version came from, the largest origin first.
SELECT * FROM openness_provenance
WHERE index_id = 'intelligence' AND version = $version
ORDER BY models DESC, derived_from
