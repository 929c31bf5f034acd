-- The client's evaluations that have runs, to check a chosen name against.
SELECT evaluation, name FROM private_samples ORDER BY evaluation
