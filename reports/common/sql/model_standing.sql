-- Every variant with a complete index in version $version, as of $as_of: where it stands.
SELECT * FROM model_standing
WHERE index_id = 'intelligence' AND version = $version AND as_of = $as_of
ORDER BY model, "index" DESC, effort
