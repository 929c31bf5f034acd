-- One row per as-of date, intelligence index version and model variant with house runs started by
-- then on any of its evaluations (eval_scores as of that date: a run started after the as-of date
-- never moves it): Index = sum of weight x score (each score moved onto 0-100 by its transform), with
-- the 95% interval 1.96 x sqrt(sum of weight^2 x se^2) (the evaluations taken as independent).
-- A variant missing an evaluation of the version is listed with complete = false, no index and
-- no rank. Ranks count from 1, ties sharing a rank.
CREATE OR REPLACE VIEW intelligence_index AS
WITH versions AS (
    SELECT ie.*, count(*) OVER (PARTITION BY ie.index_id, ie.version) AS evaluations_in_version
    FROM index_evaluations ie
    JOIN index_versions iv USING (index_id, version)
    WHERE iv.kind = 'intelligence'
),
scored AS (
    SELECT s.as_of, v.index_id, v.version, s.model, s.effort, v.evaluation, v.weight, v.evaluations_in_version,
           CASE v.transform
               WHEN 'percent' THEN s.score
               ELSE 100 * least(greatest((s.score / 100 - v.transform_min) / (v.transform_max - v.transform_min), 0), 1)
           END AS score,
           CASE v.transform
               WHEN 'percent' THEN s.std_error
               ELSE s.std_error / (v.transform_max - v.transform_min)
           END AS std_error,
           s.runs_through
    FROM versions v
    JOIN eval_scores s ON s.evaluation = v.evaluation AND s.source = 'house'
),
combined AS (
    SELECT as_of, index_id, version, model, effort,
           count(*) AS n_evals,
           count(*) = any_value(evaluations_in_version) AS complete,
           sum(weight * score) AS weighted,
           1.96 * sqrt(sum(weight * weight * coalesce(std_error, 0) ^ 2)) AS half_width,
           max(runs_through) AS runs_through
    FROM scored
    GROUP BY ALL
)
SELECT as_of, index_id, version, model, effort,
       CASE WHEN complete THEN weighted END AS "index",
       CASE WHEN complete THEN weighted - half_width END AS ci_low,
       CASE WHEN complete THEN weighted + half_width END AS ci_high,
       n_evals, complete, runs_through,
       CASE WHEN complete THEN rank() OVER (PARTITION BY as_of, index_id, version, complete ORDER BY weighted DESC) END AS rank
FROM combined;
COMMENT ON VIEW intelligence_index IS 'Per as_of, index_id, version, model, effort (house runs started on or before as_of): index (0-100), ci_low, ci_high (95%), n_evals scored, complete (all evaluations of the version scored; only then an index and a rank), runs_through (the latest run start counted), rank.';
