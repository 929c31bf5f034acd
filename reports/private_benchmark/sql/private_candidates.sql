-- Every candidate on each of the chosen client evaluations ($evaluations), as of $as_of: the
-- report's main table, best rank first.
SELECT * FROM private_candidates
WHERE as_of = $as_of AND list_contains($evaluations, evaluation)
ORDER BY evaluation, rank, score DESC, model, effort
