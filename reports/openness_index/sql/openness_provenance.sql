-- Where the openness scores shown with version $version came from on $as_of, the largest origin first.
SELECT * FROM openness_provenance
WHERE index_id = 'intelligence' AND version = $version AND as_of = $as_of
ORDER BY models_shown DESC, models DESC, derived_from
