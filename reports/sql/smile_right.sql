-- The right arm: the frontier model of index version $version each month end up to $period_end,
-- and what it spends then.
SELECT f.as_of, f.model, f.effort, m.display_name, f."index", f.reasoning, f.cost_per_task,
       f.cost_to_run_usd, f.output_tokens, f.tokens_per_task, f.price_note
FROM frontier_spend f
JOIN models m USING (model)
WHERE f.index_id = 'intelligence' AND f.version = $version AND f.as_of <= $period_end
  AND f.scores_as_of = $period_end
ORDER BY f.as_of
