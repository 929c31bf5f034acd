-- The sample behind each chosen evaluation's scores.
SELECT * FROM private_samples
WHERE list_contains($evaluations, evaluation)
ORDER BY evaluation
