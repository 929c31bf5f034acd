-- One row per as-of date, intelligence index version, model variant and evaluation of the version
-- with house runs started by then (eval_scores as of that date): the evaluation's score and standard
-- error moved onto 0-100 by the version's transform, with its weight and category. What the index
-- (intelligence_index) and its categories (category_scores) are weighted sums of.
CREATE OR REPLACE VIEW index_scores AS
WITH versions AS (
    SELECT ie.*, count(*) OVER (PARTITION BY ie.index_id, ie.version) AS evaluations_in_version,
           count(*) OVER (PARTITION BY ie.index_id, ie.version, ie.category) AS evaluations_in_category
    FROM index_evaluations ie
    JOIN index_versions iv USING (index_id, version)
    WHERE iv.kind = 'intelligence'
)
SELECT s.as_of, v.index_id, v.version, s.model, s.effort, v.evaluation, v.category, v.weight,
       v.evaluations_in_version, v.evaluations_in_category,
       CASE v.transform
           WHEN 'percent' THEN s.score
           ELSE 100 * least(greatest((s.score / 100 - v.transform_min) / (v.transform_max - v.transform_min), 0), 1)
       END AS score,
       CASE v.transform
           WHEN 'percent' THEN s.std_error
           ELSE s.std_error / (v.transform_max - v.transform_min)
       END AS std_error,
       s.df, s.runs_through
FROM versions v
JOIN eval_scores s ON s.evaluation = v.evaluation AND s.source = 'house';
COMMENT ON VIEW index_scores IS 'Per as_of, index_id, version (intelligence indices), model, effort and evaluation of the version with house runs started by as_of: category, weight, evaluations_in_version, evaluations_in_category, score and std_error on 0-100 (the version''s transform), df, runs_through.';
