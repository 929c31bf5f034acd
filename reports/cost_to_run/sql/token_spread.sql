-- The widest token-efficiency gap at equal intelligence in version $version, as of $as_of.
SELECT * FROM token_spread
WHERE index_id = 'intelligence' AND version = $version AND as_of = $as_of
