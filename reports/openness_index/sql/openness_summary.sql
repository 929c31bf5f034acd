-- How many models the openness version shown with version $version scores, shows, and how open they are, on $as_of.
SELECT * FROM openness_summary WHERE index_id = 'intelligence' AND version = $version AND as_of = $as_of
