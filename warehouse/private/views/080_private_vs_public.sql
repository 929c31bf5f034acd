-- One row per as-of date, intelligence index version, client evaluation and candidate variant with
-- both a score there and a complete public index that day: how the client's ranking compares with the public one
-- among the same candidates. Both ranks follow the same rule (1 + the number of candidates whose
-- interval lies wholly above: overlapping intervals share a rank); positions are the plain orders.
-- A rank can differ merely because one benchmark tells candidates apart more finely; `reversals`
-- counts the candidates whose order against this one is reversed with both sets of intervals
-- agreeing (wholly above on the client's tasks and wholly below on the public index, or the other
-- way round): that is where the two rankings truly disagree. `above_here_below_there` names the
-- candidates this one beats on the client's tasks while they beat it on the public index.
-- public_rank_overall is the variant's rank among every model in the public index.
CREATE OR REPLACE TEMP VIEW private_vs_public AS
WITH compared AS (
    SELECT i.as_of, i.index_id, i.version, s.evaluation, s.model, s.effort,
           s.score, s.ci_low AS score_low, s.ci_high AS score_high,
           i."index", i.ci_low AS index_low, i.ci_high AS index_high, i.rank AS public_rank_overall
    FROM private_scores s
    JOIN bh.intelligence_index i ON i.model = s.model AND i.effort = s.effort
    WHERE i.complete
),
labelled AS (
    SELECT c.*, m.name || CASE WHEN c.effort = 'default' THEN '' ELSE ' (' || c.effort || ')' END AS label
    FROM compared c
    JOIN bh.model_names m ON m.model = c.model
),
pairs AS (
    SELECT a.as_of, a.index_id, a.version, a.evaluation, a.model, a.effort,
           count(b.model) AS reversals,
           string_agg(b.label, ', ' ORDER BY b.label) FILTER (WHERE a.score_low > b.score_high) AS above_here_below_there
    FROM labelled a
    LEFT JOIN labelled b
      ON b.as_of = a.as_of AND b.index_id = a.index_id AND b.version = a.version AND b.evaluation = a.evaluation
     AND ((a.score_low > b.score_high AND b.index_low > a.index_high)
          OR (b.score_low > a.score_high AND a.index_low > b.index_high))
    GROUP BY ALL
)
SELECT c.*,
       1 + (SELECT count(*) FROM compared o WHERE o.as_of = c.as_of AND o.index_id = c.index_id AND o.version = c.version
              AND o.evaluation = c.evaluation AND o.score_low > c.score_high) AS private_rank,
       1 + (SELECT count(*) FROM compared o WHERE o.as_of = c.as_of AND o.index_id = c.index_id AND o.version = c.version
              AND o.evaluation = c.evaluation AND o.index_low > c.index_high) AS public_rank,
       row_number() OVER (PARTITION BY c.as_of, c.index_id, c.version, c.evaluation ORDER BY c.score DESC, c.model, c.effort)
           AS private_position,
       row_number() OVER (PARTITION BY c.as_of, c.index_id, c.version, c.evaluation ORDER BY c."index" DESC, c.model, c.effort)
           AS public_position,
       count(*) OVER (PARTITION BY c.as_of, c.index_id, c.version, c.evaluation) AS compared,
       p.reversals, p.above_here_below_there
FROM compared c
JOIN pairs p USING (as_of, index_id, version, evaluation, model, effort);
