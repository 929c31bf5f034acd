-- One row per as-of date, model variant, evaluation and source: the score on 0-100 with its 95%
-- confidence interval (docs/methodology.md, "Scores"), counting only what was measured on or before
-- the as-of date, so that a quarter's scores do not move when later runs arrive.
--  * The house's runs (source 'house', from known_runs: runs started by the end of the as-of day):
--    the mean over every task and repeat. With two or more repeats the interval is a t-interval
--    over the per-repeat means; with one, a normal interval over tasks (the house's choice where a
--    bootstrap over questions is also usual: with hundreds of tasks they agree).
--  * Published aggregates (source = the publisher) measured on or before the as-of date (one
--    without a date counts from when it was loaded): its mean, and mean +- 1.96 x its standard
--    error when one is published (the latest publication of a source counts).
-- runs_through is the latest start (or publication date) counted. Only fractional scores
-- (accuracy, pass@1) are here; index values such as ECI are not scores.
CREATE OR REPLACE VIEW eval_scores AS
WITH house AS (
    SELECT as_of, model, effort, evaluation,
           sum(score_sum) / sum(n_results) AS mean,
           count(*) AS n_repeats,
           round(avg(n_results)) AS n_tasks,
           stddev_samp(score_sum / n_results) / sqrt(count(*)) AS se_repeats,
           sqrt(greatest(sum(score_sq_sum) / sum(n_results) - (sum(score_sum) / sum(n_results)) ^ 2, 0)
                * sum(n_results) / greatest(sum(n_results) - 1, 1) / sum(n_results)) AS se_tasks,
           max(counted_from) AS runs_through
    FROM known_runs
    GROUP BY ALL
),
house_scores AS (
    SELECT h.as_of, h.model, h.effort, h.evaluation, 'house' AS source, 100 * h.mean AS score,
           CASE WHEN h.n_repeats >= 2 THEN 100 * t.t975 * h.se_repeats ELSE 100 * 1.96 * h.se_tasks END AS half_width,
           CASE WHEN h.n_repeats >= 2 THEN 100 * h.se_repeats ELSE 100 * h.se_tasks END AS std_error,
           CASE WHEN h.n_repeats >= 2 THEN 't-interval over ' || h.n_repeats || ' repeats'
                ELSE 'normal interval over tasks (one repeat)' END AS ci_method,
           h.n_tasks, h.n_repeats, h.runs_through
    FROM house h
    LEFT JOIN student_t t ON t.df = CASE WHEN h.n_repeats - 1 > 30 THEN 1000000 ELSE h.n_repeats - 1 END
),
dated AS (
    SELECT a.*, coalesce(a.measured_at, CAST(b.ingested_at AS DATE)) AS known_from
    FROM published_aggregates a
    JOIN ingest_batches b USING (batch_id)
    WHERE a.metric = 'accuracy'
),
published AS (
    SELECT c.as_of, d.model, d.effort, d.evaluation, d.source,
           arg_max(d.mean, d.known_from) AS mean, arg_max(d.std_error, d.known_from) AS se,
           arg_max(d.n, d.known_from) AS n, max(d.known_from) AS runs_through
    FROM calendar c
    JOIN dated d ON d.known_from <= c.as_of
    GROUP BY ALL
),
published_scores AS (
    SELECT p.as_of, p.model, p.effort, p.evaluation, p.source, 100 * p.mean AS score,
           100 * 1.96 * p.se AS half_width, 100 * p.se AS std_error,
           CASE WHEN p.se IS NULL THEN 'none: no standard error published'
                ELSE 'published standard error (mean +- 1.96 se)' END AS ci_method,
           coalesce(p.n, e.n_tasks) AS n_tasks, CAST(NULL AS BIGINT) AS n_repeats,
           CAST(p.runs_through AS TIMESTAMP) AS runs_through
    FROM published p
    JOIN evaluations e USING (evaluation)
)
SELECT as_of, model, effort, evaluation, source, score,
       score - half_width AS ci_low, score + half_width AS ci_high, ci_method, std_error,
       n_tasks, n_repeats, runs_through
FROM (SELECT * FROM house_scores UNION ALL BY NAME SELECT * FROM published_scores);
COMMENT ON VIEW eval_scores IS 'Per as_of, model, effort, evaluation, source (house or a publisher), counting only runs started (scores published) on or before as_of: score (0-100), ci_low, ci_high (95%), ci_method, std_error (0-100 units), n_tasks, n_repeats, runs_through (the latest start or publication counted).';
