-- One row per intelligence index version and as-of date (the smile curve's right arm, the house's
-- own series): the most intelligent variant available then (highest index among models released
-- by that date) and what it spends: cost per task, cost to run the index, and tokens per pass.
-- Between variants of equal index, the one released first holds the frontier.
CREATE OR REPLACE VIEW frontier_spend AS
WITH available AS (
    SELECT i.index_id, i.version, c.as_of, i.model, i.effort, i."index", m.release_date
    FROM intelligence_index i
    JOIN models m ON m.model = i.model
    CROSS JOIN calendar c
    WHERE i.complete AND m.release_date <= c.as_of
),
frontier AS (
    SELECT index_id, version, as_of,
           arg_max(model, ("index", -epoch(release_date), model)) AS model,
           arg_max(effort, ("index", -epoch(release_date), model)) AS effort,
           max("index") AS "index"
    FROM available
    GROUP BY ALL
)
SELECT f.index_id, f.version, f.as_of, f.model, f.effort, f."index", r.reasoning,
       c.cost_per_task, c.total_usd AS cost_to_run_usd, c.output_tokens, c.tokens_per_task,
       c.price_basis, c.price_note
FROM frontier f
JOIN reasoning_models r ON r.model = f.model
LEFT JOIN cost_to_run c
       ON c.index_id = f.index_id AND c.version = f.version AND c.model = f.model
      AND c.effort = f.effort AND c.as_of = f.as_of;
COMMENT ON VIEW frontier_spend IS 'Per index_id, version, as_of: the frontier variant (model, effort, index, reasoning) and its cost_per_task, cost_to_run_usd, output_tokens, tokens_per_task, price_basis, price_note.';
