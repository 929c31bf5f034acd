-- Every model, as of $as_of: whether version $version's reports can place it, and if not, why.
SELECT model, display_name, placed, reason FROM model_placement
WHERE index_id = 'intelligence' AND version = $version AND as_of = $as_of
