-- One row per client evaluation with runs: the sample behind its scores and what it allows one to
-- conclude. Questions and repeats per candidate, the median and widest half-width of the 95%
-- intervals (in points), and resolvable_points: twice the median half-width, about the smallest
-- difference between two candidates that the rank rule (intervals that do not overlap) can show.
CREATE OR REPLACE TEMP VIEW private_samples AS
SELECT e.evaluation, e.name, e.kind, e.scoring, e.n_tasks,
       count(*) AS candidates,
       min(s.n_questions) AS questions_min, max(s.n_questions) AS questions_max,
       min(s.k) AS repeats_min, max(s.max_attempts) AS repeats_max,
       sum(s.attempts) AS attempts,
       median((s.ci_high - s.ci_low) / 2) AS median_half_width,
       max((s.ci_high - s.ci_low) / 2) AS widest_half_width,
       2 * median((s.ci_high - s.ci_low) / 2) AS resolvable_points,
       count(*) FILTER (WHERE s.rank = 1) AS tied_first,
       count(DISTINCT s.rank) AS distinct_ranks
FROM tenant.evaluations e
JOIN private_scores s ON s.evaluation = e.evaluation
GROUP BY e.evaluation, e.name, e.kind, e.scoring, e.n_tasks;
