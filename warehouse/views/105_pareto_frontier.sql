-- One row per intelligence index version, as-of date and model variant with both an index and a
-- cost to run on that date: whether it is on the Pareto frontier, that is, no other variant has
-- an index at least as high for a cost at most as low, and is better on one of the two. A current
-- view: the index counts runs started by the as-of date, and cost_to_run leaves out models
-- retired by then, so a retired model neither sits on the frontier nor pushes others off it.
-- The rule is applied in intelligence_cost, over the same points; this view lists them.
CREATE OR REPLACE VIEW pareto_frontier AS
SELECT index_id, version, as_of, model, effort, "index", total_usd, on_frontier
FROM intelligence_cost
WHERE total_usd IS NOT NULL;
COMMENT ON VIEW pareto_frontier IS 'Per index_id, version, as_of, model, effort: index, total_usd (cost to run) and on_frontier (no other variant is as good on both and better on one).';
