-- One row per intelligence index version, as-of date and model variant with a complete index: the
-- index, its interval and rank, what one pass of the index costs that day (NULL when no price was
-- valid) and its split by token type, intelligence per dollar, and whether the variant is on the
-- Pareto frontier that day. The index counts the runs started by that day; a model retired by then
-- (model_buyable) has no cost to run and no row: it is no longer sold. The cost-to-run report's
-- points and ranking read this view. The Pareto rule is applied here, over the variants priced that
-- day (pareto_frontier lists them), so that the index and the cost to run are computed once for both:
-- joined to a separate frontier view, they were computed again (3.2 s against 2.0 s over the demo).
CREATE OR REPLACE VIEW intelligence_cost AS
WITH costed AS MATERIALIZED (  -- each complete variant with its cost to run that day
    SELECT i.index_id, i.version, c.as_of, i.model, i.effort, i."index", i.ci_low, i.ci_high, i.rank, i.tied,
           c.total_usd, c.input_usd, c.cached_input_usd, c.cache_write_usd, c.reasoning_usd, c.answer_usd,
           c.cost_per_task, c.output_tokens, c.tokens_per_task,
           c.input_tokens + c.cached_input_tokens + c.cache_write_tokens AS input_side_tokens,
           c.price_basis, c.price_note
    FROM intelligence_index i
    JOIN cost_to_run c
      ON c.index_id = i.index_id AND c.version = i.version AND c.model = i.model AND c.effort = i.effort
     AND c.as_of = i.as_of
    WHERE i.complete
)
SELECT p.index_id, p.version, p.as_of, p.model, p.effort, n.name AS display_name, m.creator, m.release_date,
       r.reasoning, p."index", p.ci_low, p.ci_high, p.rank, p.tied,
       p.total_usd, p.input_usd, p.cached_input_usd, p.cache_write_usd, p.reasoning_usd, p.answer_usd,
       p.cost_per_task, p.output_tokens, p.tokens_per_task, p.input_side_tokens,
       p.price_basis, p.price_note,
       p."index" / p.total_usd AS index_per_usd,
       p.total_usd IS NOT NULL AND NOT EXISTS (  -- pareto_frontier's rule, over the same points
           SELECT 1 FROM costed q
           WHERE q.index_id = p.index_id AND q.version = p.version AND q.as_of = p.as_of
             AND q."index" >= p."index" AND q.total_usd <= p.total_usd
             AND (q."index" > p."index" OR q.total_usd < p.total_usd)
       ) AS on_frontier
FROM costed p
JOIN models m USING (model)
JOIN model_names n USING (model)
JOIN reasoning_models r USING (model);
COMMENT ON VIEW intelligence_cost IS 'Per index_id, version, as_of, model, effort with a complete index: display_name, creator, release_date, reasoning, index, ci_low, ci_high, rank, tied, total_usd and its split by token type, cost_per_task, output_tokens, tokens_per_task, input_side_tokens, price_basis, price_note, index_per_usd (index points per dollar of one pass), on_frontier.';
