-- One row per intelligence index version, as-of date and variant with a complete index: everything a
-- subscriber's page of its own models shows. Its index, interval and rank; its cost to run the index
-- and per task that day; its cost per solved task on the version's agentic evaluations, averaged
-- over them and named as such (mean_cost_per_solved_task, over solved_task_evaluations: the same
-- evaluations for every variant of the version, each solved task priced on its own evaluation; none
-- where a variant has no cost per solved task on one of them, rather than a mean over fewer); its
-- Openness Index (the version the report policy names); and the cheapest variant whose interval does
-- not lie wholly below its own (one that scores higher, or that cannot be told apart from it) and
-- costs less, with its interval and the saving.
CREATE OR REPLACE VIEW model_standing AS
WITH agentic AS (  -- the agentic evaluations of each index version, which every complete variant ran
    SELECT ie.index_id, ie.version, ie.evaluation, e.name
    FROM index_evaluations ie
    JOIN evaluations e USING (evaluation)
    WHERE e.kind = 'agentic'
),
named AS (
    SELECT index_id, version, count(*) AS agentic_evaluations,
           string_agg(name, ', ' ORDER BY name) AS solved_task_evaluations
    FROM agentic
    GROUP BY ALL
),
turns AS (
    SELECT a.index_id, a.version, t.as_of, t.model, t.effort,
           count(t.cost_per_solved_task) AS costed, avg(t.cost_per_solved_task) AS mean
    FROM agentic a
    JOIN turn_efficiency t USING (evaluation)
    GROUP BY ALL
)
SELECT c.index_id, c.version, c.as_of, c.model, c.effort, c.display_name, c.creator, c.release_date,
       c."index", c.ci_low, c.ci_high, c.rank, c.tied, c.total_usd, c.cost_per_task, c.price_basis, c.price_note,
       c.on_frontier, CASE WHEN t.costed = n.agentic_evaluations THEN t.mean END AS mean_cost_per_solved_task,
       n.agentic_evaluations, n.solved_task_evaluations,
       o.score AS openness_score,
       e.alternative_model, e.alternative_effort, e.alternative_name, e.alternative_index, e.alternative_ci_low,
       e.alternative_ci_high, e.alternative_usd,
       e.saving_usd, e.saving_share
FROM intelligence_cost c
LEFT JOIN named n USING (index_id, version)
LEFT JOIN turns t USING (index_id, version, as_of, model, effort)
LEFT JOIN openness_by_model o
       ON o.index_id = c.index_id AND o.version = c.version AND o.as_of = c.as_of AND o.model = c.model
LEFT JOIN cheaper_equivalent e
       ON e.index_id = c.index_id AND e.version = c.version AND e.as_of = c.as_of AND e.model = c.model
      AND e.effort = c.effort;
COMMENT ON VIEW model_standing IS 'Per index_id, version, as_of and variant with a complete index: display_name, creator, release_date, index, ci_low, ci_high, rank, total_usd, cost_per_task, price_basis, price_note, on_frontier, mean_cost_per_solved_task (the mean, over the version''s agentic evaluations named in solved_task_evaluations, agentic_evaluations of them, of each one''s cost per solved task; NULL unless the variant has one on every one), openness_score, and the cheaper equivalent, whose interval is not wholly below (alternative_model, alternative_effort, alternative_name, alternative_index, alternative_ci_low, alternative_ci_high, alternative_usd, saving_usd, saving_share).';
