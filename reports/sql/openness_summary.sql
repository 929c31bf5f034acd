-- How many models the openness version shown with version $version scores, open weights, open data.
SELECT * FROM openness_summary WHERE index_id = 'intelligence' AND version = $version
