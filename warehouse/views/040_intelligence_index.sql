-- One row per as-of date, intelligence index version and model variant with house runs started by
-- then on any of its evaluations (eval_scores as of that date: a run started after the as-of date
-- never moves it). Index = sum of weight x score (each score moved onto 0-100 by its transform:
-- index_scores).
-- Its 95% interval is t x sqrt(sum of weight^2 x se^2), the evaluations taken as independent, with
-- the same quantile rule as each evaluation's: the t quantile of the Welch-Satterthwaite degrees of
-- freedom of the weighted sum, as computed (whole or not, however many: warehouse/macros/010_student_t.sql),
-- within 0-100; std_error is sqrt(sum of weight^2 x se^2).
-- A variant missing an evaluation of the version is listed with complete = false, no index and
-- no rank. rank is 1 + the number of variants whose interval lies wholly above this one's (the
-- upper-bound rank LMArena publishes): variants no one can tell apart share a rank.
CREATE OR REPLACE VIEW intelligence_index AS
WITH combined AS (
    SELECT as_of, index_id, version, model, effort,
           count(*) AS n_evals,
           count(*) = any_value(evaluations_in_version) AS complete,
           sum(weight * score) AS weighted,
           sum(weight * weight * coalesce(std_error, 0) ^ 2) AS variance,
           sum((weight * weight * coalesce(std_error, 0) ^ 2) ^ 2 / nullif(df, 0)) AS variance_spread,
           max(runs_through) AS runs_through
    FROM index_scores
    GROUP BY ALL
),
intervals AS (
    SELECT c.*,
           CASE WHEN c.variance_spread > 0 THEN c.variance ^ 2 / c.variance_spread END AS df,
           -- t at the Welch-Satterthwaite df as computed, not rounded; the normal quantile where no
           -- evaluation has degrees of freedom (published standard errors alone)
           coalesce(student_t975(df), 1.959963984540054) AS t975
    FROM combined c
),
indexed AS (
    SELECT as_of, index_id, version, model, effort,
           CASE WHEN complete THEN weighted END AS "index",
           CASE WHEN complete THEN greatest(weighted - t975 * sqrt(variance), 0) END AS ci_low,
           CASE WHEN complete THEN least(weighted + t975 * sqrt(variance), 100) END AS ci_high,
           CASE WHEN complete THEN df END AS df,
           CASE WHEN complete THEN sqrt(variance) END AS std_error,
           n_evals, complete, runs_through
    FROM intervals
),
above AS (
    SELECT a.as_of, a.index_id, a.version, a.model, a.effort, count(b.model) AS wholly_above
    FROM indexed a
    LEFT JOIN indexed b
           ON b.as_of = a.as_of AND b.index_id = a.index_id AND b.version = a.version AND b.complete
          AND b.ci_low > a.ci_high
    WHERE a.complete
    GROUP BY ALL
)
SELECT i.as_of, i.index_id, i.version, i.model, i.effort, i."index", i.ci_low, i.ci_high, i.df, i.std_error,
       i.n_evals, i.complete, i.runs_through,
       CASE WHEN i.complete THEN 1 + a.wholly_above END AS rank,
       CASE WHEN i.complete THEN count(*) OVER (PARTITION BY i.as_of, i.index_id, i.version, i.complete,
                                                            a.wholly_above) > 1 END AS tied
FROM indexed i
LEFT JOIN above a USING (as_of, index_id, version, model, effort);
COMMENT ON VIEW intelligence_index IS 'Per as_of, index_id, version, model, effort (house runs started on or before as_of): index (0-100), ci_low, ci_high (95%: index +- t x std_error, t the Student quantile at the Welch-Satterthwaite df), df, std_error (0-100 units), n_evals scored, complete (all evaluations of the version scored; only then an index and a rank), runs_through (the latest run start counted), rank (1 + the variants whose interval lies wholly above: overlapping variants share a rank), tied (another variant shares the rank).';
