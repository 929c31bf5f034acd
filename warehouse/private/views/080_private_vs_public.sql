-- One row per intelligence index version, client evaluation and candidate variant with both a
-- score there and a complete public index: how the client's ranking compares with the public one
-- among the same candidates. Both ranks follow the same rule (1 + the number of candidates whose
-- interval lies wholly above: overlapping intervals share a rank); positions are the plain orders.
-- public_rank_overall is the variant's rank among every model in the public index.
CREATE OR REPLACE TEMP VIEW private_vs_public AS
WITH compared AS (
    SELECT i.index_id, i.version, s.evaluation, s.model, s.effort,
           s.score, s.ci_low AS score_low, s.ci_high AS score_high,
           i."index", i.ci_low AS index_low, i.ci_high AS index_high, i.rank AS public_rank_overall
    FROM private_scores s
    JOIN bh.intelligence_index i ON i.model = s.model AND i.effort = s.effort
    WHERE i.complete
)
SELECT c.*,
       1 + (SELECT count(*) FROM compared o WHERE o.index_id = c.index_id AND o.version = c.version
              AND o.evaluation = c.evaluation AND o.score_low > c.score_high) AS private_rank,
       1 + (SELECT count(*) FROM compared o WHERE o.index_id = c.index_id AND o.version = c.version
              AND o.evaluation = c.evaluation AND o.index_low > c.index_high) AS public_rank,
       row_number() OVER (PARTITION BY c.index_id, c.version, c.evaluation ORDER BY c.score DESC, c.model, c.effort)
           AS private_position,
       row_number() OVER (PARTITION BY c.index_id, c.version, c.evaluation ORDER BY c."index" DESC, c.model, c.effort)
           AS public_position,
       count(*) OVER (PARTITION BY c.index_id, c.version, c.evaluation) AS compared
FROM compared c;
