-- One row per intelligence index version, as-of date and variant with a complete index: everything a
-- subscriber's page of its own models shows. Its index, interval and rank; its cost to run the index
-- and per task that day; its mean cost per solved task over the agentic evaluations the house ran it
-- on; its Openness Index (the version the report policy names); and the cheapest variant that is
-- statistically at least as intelligent and costs less, with the saving.
CREATE OR REPLACE VIEW model_standing AS
WITH turns AS (
    SELECT as_of, model, effort, avg(cost_per_solved_task) AS cost_per_solved_task, count(*) AS agentic_evaluations
    FROM turn_efficiency
    WHERE cost_per_solved_task IS NOT NULL
    GROUP BY ALL
)
SELECT c.index_id, c.version, c.as_of, c.model, c.effort, c.display_name, c.creator, c.release_date,
       c."index", c.ci_low, c.ci_high, c.rank, c.tied, c.total_usd, c.cost_per_task, c.price_basis, c.price_note,
       c.on_frontier, t.cost_per_solved_task, t.agentic_evaluations,
       o.score AS openness_score,
       e.alternative_model, e.alternative_effort, e.alternative_name, e.alternative_index, e.alternative_usd,
       e.saving_usd, e.saving_share
FROM intelligence_cost c
LEFT JOIN turns t USING (as_of, model, effort)
LEFT JOIN openness_by_model o
       ON o.index_id = c.index_id AND o.version = c.version AND o.as_of = c.as_of AND o.model = c.model
LEFT JOIN cheaper_equivalent e
       ON e.index_id = c.index_id AND e.version = c.version AND e.as_of = c.as_of AND e.model = c.model
      AND e.effort = c.effort;
COMMENT ON VIEW model_standing IS 'Per index_id, version, as_of and variant with a complete index: display_name, creator, release_date, index, ci_low, ci_high, rank, total_usd, cost_per_task, price_basis, price_note, on_frontier, cost_per_solved_task (mean over agentic_evaluations), openness_score, and the cheaper equivalent (alternative_model, alternative_effort, alternative_name, alternative_index, alternative_usd, saving_usd, saving_share).';
