-- One row per model variant with a complete index in version $version: its index and interval,
-- and what one pass costs on $as_of (NULL when no price was valid then), its split by token type,
-- and whether it is on the Pareto frontier that day.
SELECT i.model, i.effort, m.display_name, m.creator, m.release_date, r.reasoning,
       i."index", i.ci_low, i.ci_high, i.rank,
       c.total_usd, c.input_usd, c.cached_input_usd, c.cache_write_usd, c.reasoning_usd, c.answer_usd,
       c.cost_per_task, c.output_tokens, c.tokens_per_task,
       c.input_tokens + c.cached_input_tokens + c.cache_write_tokens AS input_side_tokens,
       c.price_basis, c.price_note,
       i."index" / c.total_usd AS index_per_usd,
       coalesce(p.on_frontier, false) AS on_frontier
FROM intelligence_index i
JOIN models m USING (model)
JOIN reasoning_models r USING (model)
LEFT JOIN cost_to_run c
       ON c.index_id = i.index_id AND c.version = i.version AND c.model = i.model AND c.effort = i.effort
      AND c.as_of = $as_of
LEFT JOIN pareto_frontier p
       ON p.index_id = i.index_id AND p.version = i.version AND p.model = i.model AND p.effort = i.effort
      AND p.as_of = $as_of
WHERE i.index_id = 'intelligence' AND i.version = $version AND i.complete AND i.as_of = $as_of
ORDER BY i.rank, i.model, i.effort
