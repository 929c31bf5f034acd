-- The right arm: the frontier model of index version $version each month end up to $as_of,
-- and what it spends then; retired_since: it can no longer be bought on $as_of (model_buyable), so a
-- sentence that names it with a past price says so.
SELECT f.as_of, f.model, f.effort, m.name AS display_name, f."index", f.reasoning, f.cost_per_task,
       f.cost_to_run_usd, f.output_tokens, f.tokens_per_task, f.price_note, NOT s.buyable AS retired_since
FROM frontier_spend f
JOIN model_names m USING (model)
JOIN model_buyable s ON s.model = f.model AND s.as_of = $as_of
WHERE f.index_id = 'intelligence' AND f.version = $version AND f.as_of <= $as_of AND f.scores_as_of = $as_of
ORDER BY f.as_of
