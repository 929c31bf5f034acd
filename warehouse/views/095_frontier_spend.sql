-- One row per intelligence index version, scores date and as-of date up to it (the smile curve's
-- right arm, the house's own series): the most intelligent variant available on the as-of date
-- (the highest index on the runs known on scores_as_of, among models released by the as-of date and
-- buyable on it: model_buyable) and what it spends on that day's prices: cost per task, cost to run the index,
-- and tokens per pass (those of the runs known on scores_as_of). Between variants of equal index,
-- the one released first holds the frontier. A history view: a model holds the frontier for the
-- months it was on sale, retired or not since. Models are judged on the index as known on
-- scores_as_of, not as known each month: a model's intelligence does not change after release,
-- and the house measures models after their release (a report for a period reads scores_as_of =
-- its last day, so later runs never move it).
CREATE OR REPLACE VIEW frontier_spend AS
WITH available AS (
    SELECT i.as_of AS scores_as_of, i.index_id, i.version, c.as_of, i.model, i.effort, i."index",
           m.release_date
    FROM intelligence_index i
    JOIN models m ON m.model = i.model
    JOIN calendar c ON c.as_of <= i.as_of AND m.release_date <= c.as_of
    JOIN model_buyable b ON b.model = i.model AND b.as_of = c.as_of AND b.buyable
    WHERE i.complete
),
frontier AS (
    SELECT index_id, version, scores_as_of, as_of,
           arg_max(model, ("index", -epoch(release_date), model)) AS model,
           arg_max(effort, ("index", -epoch(release_date), model)) AS effort,
           max("index") AS "index"
    FROM available
    GROUP BY ALL
),
spend AS (
    SELECT f.index_id, f.version, f.scores_as_of, f.as_of,
           bool_and(pr.model IS NOT NULL) AS priced,
           any_value(pr.price_basis) AS price_basis,
           sum((t.input_tokens * pr.input_usd_per_mtok + t.cached_input_tokens * pr.cached_input_usd_per_mtok
                + t.cache_write_tokens * pr.cache_write_usd_per_mtok + t.reasoning_tokens * pr.reasoning_usd_per_mtok
                + t.answer_tokens * pr.answer_usd_per_mtok) / 1e6) AS total_usd,
           sum(t.weight * (t.input_tokens * pr.input_usd_per_mtok + t.cached_input_tokens * pr.cached_input_usd_per_mtok
                           + t.cache_write_tokens * pr.cache_write_usd_per_mtok
                           + t.reasoning_tokens * pr.reasoning_usd_per_mtok
                           + t.answer_tokens * pr.answer_usd_per_mtok) / 1e6 / t.tasks) AS cost_per_task,
           sum(t.reasoning_tokens + t.answer_tokens) AS output_tokens,
           sum(t.weight * (t.input_tokens + t.cached_input_tokens + t.cache_write_tokens + t.reasoning_tokens
                           + t.answer_tokens) / t.tasks) AS tokens_per_task
    FROM frontier f
    JOIN index_pass_tokens t
      ON t.as_of = f.scores_as_of AND t.index_id = f.index_id AND t.version = f.version
     AND t.model = f.model AND t.effort = f.effort
    LEFT JOIN token_prices pr ON pr.model = f.model AND pr.as_of = f.as_of
    GROUP BY ALL
)
SELECT f.index_id, f.version, f.scores_as_of, f.as_of, f.model, f.effort, f."index", r.reasoning,
       CASE WHEN s.priced THEN s.cost_per_task END AS cost_per_task,
       CASE WHEN s.priced THEN s.total_usd END AS cost_to_run_usd,
       s.output_tokens, s.tokens_per_task,
       CASE WHEN s.priced THEN s.price_basis END AS price_basis,
       CASE WHEN NOT s.priced THEN 'no input and output price valid on ' || f.as_of END AS price_note
FROM frontier f
JOIN reasoning_models r ON r.model = f.model
JOIN spend s USING (index_id, version, scores_as_of, as_of);
COMMENT ON VIEW frontier_spend IS 'Per index_id, version, scores_as_of (whose runs decide the index and tokens) and as_of (up to scores_as_of): the frontier variant available that day (model, effort, index, reasoning) and its cost_per_task, cost_to_run_usd, output_tokens, tokens_per_task (on as_of prices), price_basis, price_note.';
