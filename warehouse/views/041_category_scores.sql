-- One row per as-of date, intelligence index version, model variant and category of the version's
-- evaluations (index_evaluations.category): the variant's score on that category, the weighted mean of
-- its evaluations' 0-100 scores with the version's weights (index_scores), complete only when every
-- evaluation of the category is scored (only then a score). What a subscriber's minimum on a category
-- of the index reads (reports/common/sql/substitutes.sql).
CREATE OR REPLACE VIEW category_scores AS
SELECT as_of, index_id, version, model, effort, category,
       count(*) AS n_evals,
       count(*) = any_value(evaluations_in_category) AS complete,
       CASE WHEN count(*) = any_value(evaluations_in_category) THEN sum(weight * score) / sum(weight) END AS score
FROM index_scores
GROUP BY ALL;
COMMENT ON VIEW category_scores IS 'Per as_of, index_id, version (intelligence indices), model, effort and category: n_evals scored, complete (every evaluation of the category scored), score (0-100: the weighted mean of its evaluations'' scores; NULL unless complete).';
