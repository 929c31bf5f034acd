-- Every model the openness version of version $version's report policy scores, most open first.
SELECT * FROM openness_by_model
WHERE index_id = 'intelligence' AND version = $version
ORDER BY score DESC, display_name
