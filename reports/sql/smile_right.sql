-- The right arm: the frontier model of index version $version each month end up to $as_of,
-- and what it spends then.
SELECT f.as_of, f.model, f.effort, m.name AS display_name, f."index", f.reasoning, f.cost_per_task,
       f.cost_to_run_usd, f.output_tokens, f.tokens_per_task, f.price_note
FROM frontier_spend f
JOIN model_names m USING (model)
WHERE f.index_id = 'intelligence' AND f.version = $version AND f.as_of <= $as_of AND f.scores_as_of = $as_of
ORDER BY f.as_of
