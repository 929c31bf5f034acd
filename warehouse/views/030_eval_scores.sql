-- One row per as-of date, model variant, evaluation and source: the score on 0-100 with its 95%
-- confidence interval (docs/methodology.md, "Scores"), counting only what was measured on or before
-- the as-of date, so that a quarter's scores do not move when later runs arrive.
--  * The house's runs (source 'house': runs started by the end of the as-of day; a run without a
--    start time counts from when it was loaded). Clustered by question (Miller, "Adding Error Bars
--    to Evals", 2024): each question's mean over the repeats, the score is the mean of those, and
--    its standard error the spread of those over questions / sqrt(questions), with the t quantile
--    of questions - 1 degrees of freedom. Repeats of one question are not independent samples, so
--    they never shrink the interval. When the question means do not vary (every question scored 0,
--    or every one 1), that spread says nothing: a Wilson interval over the questions stands in
--    (never a point). The arithmetic is warehouse/macros/020_clustered_interval.sql, which the private
--    views use too. The spread of the per-repeat means (repeat_sd) is kept beside it: how
--    reproducible a run is.
--    A variant's set of runs changes only in the months its runs start (epochs); each as-of date
--    reads the latest epoch on or before it, so task results are read once per epoch, not per month.
--    Where the evaluation states the house's protocol (evaluations.repeats: how many times every model
--    is run on it), a variant's score counts its first that-many repeats (by start, then run id) and
--    has no score before it has them all: a published index version never changes its numbers when
--    a later repeat arrives, and no variant is scored on fewer repeats than the others.
--  * Published aggregates (source = the publisher) measured on or before the as-of date (one
--    without a date counts from when it was loaded): its mean, and mean +- 1.96 x its standard
--    error when one is published (the latest publication of a source counts).
-- provenance says who stands behind a score: the house's runs are measured (generated when every
-- run behind them is demo data); a published score keeps its source's word (published_aggregates:
-- claimed when the model's own lab reported it, not independently verified).
-- runs_through is the latest start (or publication date) counted. Only fractional scores
-- (accuracy, pass@1) are here; index values such as ECI are not scores.
CREATE OR REPLACE VIEW eval_scores AS
WITH runs AS (
    SELECT r.run_id, r.model, r.effort, r.evaluation, r.n_results, r.score_sum, coalesce(b.generated, false) AS generated,
           coalesce(r.started_at, b.ingested_at) AS counted_from,
           CAST(last_day(CAST(coalesce(r.started_at, b.ingested_at) AS DATE)) AS DATE) AS epoch,
           e.repeats AS protocol_repeats
    FROM eval_runs r
    JOIN ingest_batches b USING (batch_id)
    LEFT JOIN evaluations e USING (evaluation)
    WHERE r.n_results > 0
    QUALIFY e.repeats IS NULL
         OR row_number() OVER (PARTITION BY r.model, r.effort, r.evaluation
                               ORDER BY coalesce(r.started_at, b.ingested_at), r.run_id) <= e.repeats
),
epochs AS (
    SELECT DISTINCT model, effort, evaluation, epoch FROM runs
),
counted AS (  -- each epoch with the runs counted by it
    SELECT e.epoch, r.*
    FROM epochs e
    JOIN runs r ON r.model = e.model AND r.effort = e.effort AND r.evaluation = e.evaluation
               AND r.epoch <= e.epoch
),
questions AS (
    SELECT c.model, c.effort, c.evaluation, c.epoch, t.task_id, avg(t.score) AS question_mean
    FROM counted c
    JOIN task_results t ON t.run_id = c.run_id
    GROUP BY ALL
),
clustered AS (  -- t: Student's t at questions - 1 degrees of freedom, whatever their number
    SELECT model, effort, evaluation, epoch, count(*) AS n_questions, avg(question_mean) AS mean,
           stddev_samp(question_mean) AS sd, question_t975(count(*)) AS t
    FROM questions
    GROUP BY ALL
),
repeats AS (
    SELECT model, effort, evaluation, epoch, count(*) AS n_repeats,
           stddev_samp(score_sum / n_results) AS repeat_sd, max(counted_from) AS runs_through,
           bool_and(generated) AS generated, any_value(protocol_repeats) AS protocol_repeats
    FROM counted
    GROUP BY ALL
),
house AS (
    SELECT k.as_of, q.*, r.n_repeats, r.repeat_sd, r.runs_through, r.generated,
           q.n_questions - 1 AS df  -- q.t: Student's t at df (clustered)
    FROM calendar k
    JOIN clustered q ON q.epoch <= k.as_of
    JOIN repeats r USING (model, effort, evaluation, epoch)
    WHERE r.n_repeats >= coalesce(r.protocol_repeats, 0)  -- the protocol's repeats all in
    QUALIFY q.epoch = max(q.epoch) OVER (PARTITION BY k.as_of, q.model, q.effort, q.evaluation)
),
house_scores AS (  -- the interval is warehouse/macros/020_clustered_interval.sql's, as in the private views
    SELECT as_of, model, effort, evaluation, 'house' AS source, 100 * mean AS score,
           100 * clustered_interval(n_questions, mean, sd).low AS ci_low,
           100 * clustered_interval(n_questions, mean, sd).high AS ci_high,
           clustered_interval(n_questions, mean, sd).method || ', ' || n_repeats || ' repeats' AS ci_method,
           100 * clustered_interval(n_questions, mean, sd).std_error AS std_error,
           n_questions AS n_tasks, n_repeats, df, t, repeat_sd, runs_through, generated,
           CASE WHEN generated THEN 'generated' ELSE 'measured' END AS provenance
    FROM house
),
dated AS (
    -- A source's latest publication counts: the later date, then the later batch; two rows of one
    -- batch on one day (a source listing a model twice, as LLM-Stats lists pass@1 and consensus
    -- scores, or two ids merged into one model) count the lower score, whatever order they are read in.
    SELECT a.*, coalesce(a.measured_at, CAST(b.ingested_at AS DATE)) AS known_from,
           (coalesce(a.measured_at, CAST(b.ingested_at AS DATE)), a.batch_id, -a.mean, -coalesce(a.std_error, 0)) AS latest
    FROM published_aggregates a
    JOIN ingest_batches b USING (batch_id)
    WHERE a.metric = 'accuracy'
),
published AS (
    SELECT c.as_of, d.model, d.effort, d.evaluation, d.source,
           arg_max(d.mean, d.latest) AS mean, arg_max(d.std_error, d.latest) AS se,
           arg_max(d.n, d.latest) AS n, max(d.known_from) AS runs_through,
           arg_max(coalesce(d.provenance, 'measured'), d.latest) AS provenance
    FROM calendar c
    JOIN dated d ON d.known_from <= c.as_of
    GROUP BY ALL
),
published_scores AS (
    SELECT p.as_of, p.model, p.effort, p.evaluation, p.source, 100 * p.mean AS score,
           100 * (p.mean - 1.96 * p.se) AS ci_low, 100 * (p.mean + 1.96 * p.se) AS ci_high,
           CASE WHEN p.se IS NULL THEN 'none: no standard error published'
                ELSE 'published standard error (mean +- 1.96 se)' END AS ci_method,
           100 * p.se AS std_error,
           coalesce(p.n, e.n_tasks) AS n_tasks, CAST(NULL AS BIGINT) AS n_repeats, CAST(NULL AS BIGINT) AS df,
           1.96 AS t, CAST(NULL AS DOUBLE) AS repeat_sd, CAST(p.runs_through AS TIMESTAMP) AS runs_through,
           p.provenance = 'generated' AS generated, p.provenance
    FROM published p
    JOIN evaluations e USING (evaluation)
)
SELECT as_of, model, effort, evaluation, source, score,  -- a score lies in 0-100, and so does its interval
       greatest(ci_low, 0) AS ci_low, least(ci_high, 100) AS ci_high, ci_method,
       std_error, df, n_tasks, n_repeats, 100 * repeat_sd AS repeat_sd, runs_through, generated, provenance
FROM (SELECT * FROM house_scores UNION ALL BY NAME SELECT * FROM published_scores);
COMMENT ON VIEW eval_scores IS 'Per as_of, model, effort, evaluation, source (house or a publisher), counting only runs started (scores published) on or before as_of, of a house run only the first evaluations.repeats repeats and no score before it has them all: score (0-100), ci_low, ci_high (95%: clustered by question with the t quantile of df; Wilson when the question means do not vary; a publisher''s own standard error), ci_method, std_error (0-100 units: the clustered standard error; for a Wilson interval, its half-width / 1.96), df (questions - 1; NULL for a published normal interval), n_tasks (questions), n_repeats, repeat_sd (spread of per-repeat means, 0-100: reproducibility), runs_through (the latest start or publication counted), generated (every house run behind it is generated demo data), provenance (measured; claimed: the model''s own lab reported it, not independently verified; generated).';
