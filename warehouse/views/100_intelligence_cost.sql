-- One row per intelligence index version, as-of date and model variant with a complete index: the
-- index, its interval and rank, what one pass of the index costs that day (NULL when no price was
-- valid) and its split by token type, intelligence per dollar, and whether the variant is on the
-- Pareto frontier that day. The index counts the runs started by that day; a model retired by then
-- (model_buyable) has no cost to run and no row: it is no longer sold. The cost-to-run report's
-- points and ranking read this view.
CREATE OR REPLACE VIEW intelligence_cost AS
SELECT i.index_id, i.version, c.as_of, i.model, i.effort, n.name AS display_name, m.creator, m.release_date,
       r.reasoning, i."index", i.ci_low, i.ci_high, i.rank, i.tied,
       c.total_usd, c.input_usd, c.cached_input_usd, c.cache_write_usd, c.reasoning_usd, c.answer_usd,
       c.cost_per_task, c.output_tokens, c.tokens_per_task,
       c.input_tokens + c.cached_input_tokens + c.cache_write_tokens AS input_side_tokens,
       c.price_basis, c.price_note,
       i."index" / c.total_usd AS index_per_usd,
       coalesce(p.on_frontier, false) AS on_frontier
FROM intelligence_index i
JOIN models m USING (model)
JOIN model_names n USING (model)
JOIN reasoning_models r USING (model)
JOIN cost_to_run c
  ON c.index_id = i.index_id AND c.version = i.version AND c.model = i.model AND c.effort = i.effort
 AND c.as_of = i.as_of
LEFT JOIN pareto_frontier p
       ON p.index_id = i.index_id AND p.version = i.version AND p.model = i.model AND p.effort = i.effort
      AND p.as_of = c.as_of
WHERE i.complete;
COMMENT ON VIEW intelligence_cost IS 'Per index_id, version, as_of, model, effort with a complete index: display_name, creator, release_date, reasoning, index, ci_low, ci_high, rank, tied, total_usd and its split by token type, cost_per_task, output_tokens, tokens_per_task, input_side_tokens, price_basis, price_note, index_per_usd (index points per dollar of one pass), on_frontier.';
