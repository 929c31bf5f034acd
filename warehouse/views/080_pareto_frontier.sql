-- One row per intelligence index version, as-of date and model variant with both an index and a
-- cost to run on that date: whether it is on the Pareto frontier, that is, no other variant has
-- an index at least as high for a cost at most as low, and is better on one of the two. A current
-- view: the index counts runs started by the as-of date, and cost_to_run leaves out models
-- retired by then, so a retired model neither sits on the frontier nor pushes others off it.
CREATE OR REPLACE VIEW pareto_frontier AS
WITH points AS (
    SELECT i.index_id, i.version, i.as_of, i.model, i.effort, i."index", c.total_usd
    FROM intelligence_index i
    JOIN cost_to_run c USING (as_of, index_id, version, model, effort)
    WHERE i.complete AND c.total_usd IS NOT NULL
)
SELECT p.*,
       NOT EXISTS (
           SELECT 1 FROM points q
           WHERE q.index_id = p.index_id AND q.version = p.version AND q.as_of = p.as_of
             AND q."index" >= p."index" AND q.total_usd <= p.total_usd
             AND (q."index" > p."index" OR q.total_usd < p.total_usd)
       ) AS on_frontier
FROM points p;
COMMENT ON VIEW pareto_frontier IS 'Per index_id, version, as_of, model, effort: index, total_usd (cost to run) and on_frontier (no other variant is as good on both and better on one).';
