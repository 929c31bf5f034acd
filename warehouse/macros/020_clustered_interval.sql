-- The 95% confidence interval of a mean score clustered by question (Miller, "Adding Error Bars to
-- Evals", 2024), written once for every view that scores: average each question over its repeats
-- first, then mean +- t x sd / sqrt(n) over the n question means, t the quantile of n - 1 degrees of
-- freedom (question_t975(n): warehouse/macros/010_student_t.sql). Its arguments are what a view
-- aggregates over questions: n, the mean of the question means, their sample standard deviation.
-- Where the question means do not vary (every question scored 0, or every one 1) or there is one
-- question, that interval would be a point; the Wilson score interval over the n questions (z =
-- 1.96) is used instead, and its std_error is its half-width / 1.96. Scores are on 0-1; the
-- bounds are clamped to [0, 1]. Created as a temporary macro in every connection
-- (warehouse/connection.py), so the public eval_scores can adopt it as the private views have.
CREATE OR REPLACE TEMP MACRO clustered_interval_at(n, mean, sd, t975) AS
CASE WHEN n >= 2 AND sd > 0 THEN {
         'low': greatest(mean - t975 * sd / sqrt(n), 0.0),
         'high': least(mean + t975 * sd / sqrt(n), 1.0),
         'std_error': sd / sqrt(n),
         'method': 'clustered by question: t-interval over ' || n || ' question means'}
     ELSE {
         'low': greatest((mean + 1.96 ^ 2 / (2 * n) - 1.96 * sqrt(mean * (1 - mean) / n + 1.96 ^ 2 / (4 * n ^ 2)))
                         / (1 + 1.96 ^ 2 / n), 0.0),
         'high': least((mean + 1.96 ^ 2 / (2 * n) + 1.96 * sqrt(mean * (1 - mean) / n + 1.96 ^ 2 / (4 * n ^ 2)))
                       / (1 + 1.96 ^ 2 / n), 1.0),
         'std_error': sqrt(mean * (1 - mean) / n + 1.96 ^ 2 / (4 * n ^ 2)) / (1 + 1.96 ^ 2 / n),
         'method': 'Wilson interval over ' || n || ' questions (no spread between questions)'}
END;

-- The views call it with n, mean and sd. The form that takes t975 too is what the views of snapshots
-- before 2026-12 called (each passed its own t): a snapshot read as it was (--snapshot) binds its own
-- views against these macros, so a macro's form is added, never removed.
CREATE OR REPLACE TEMP MACRO clustered_interval(n, mean, sd) AS clustered_interval_at(n, mean, sd, question_t975(n)),
                                              (n, mean, sd, t975) AS clustered_interval_at(n, mean, sd, t975);
