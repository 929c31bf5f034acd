-- One row per as-of date, intelligence index version, model variant and evaluation of the version
-- the variant ran by then: the tokens of one pass (docs/methodology.md, "Cost to Run the Intelligence
-- Index"), the mean over the variant's runs started on or before the as-of date (known_runs):
-- repeats are averaged, not summed. cost_to_run and frontier_spend price these tokens.
CREATE OR REPLACE VIEW index_pass_tokens AS
WITH versions AS (
    SELECT ie.index_id, ie.version, ie.evaluation, ie.weight,
           count(*) OVER (PARTITION BY ie.index_id, ie.version) AS evaluations_in_version
    FROM index_evaluations ie
    JOIN index_versions iv USING (index_id, version)
    WHERE iv.kind = 'intelligence'
),
one_pass AS (
    SELECT as_of, model, effort, evaluation,
           avg(n_results) AS tasks,
           avg(coalesce(input_tokens, 0)) AS input_tokens,
           avg(coalesce(cached_input_tokens, 0)) AS cached_input_tokens,
           avg(coalesce(cache_write_tokens, 0)) AS cache_write_tokens,
           avg(coalesce(reasoning_tokens, 0)) AS reasoning_tokens,
           avg(coalesce(answer_tokens, 0)) AS answer_tokens
    FROM known_runs
    GROUP BY ALL
)
SELECT o.as_of, v.index_id, v.version, o.model, o.effort, o.evaluation, v.weight, v.evaluations_in_version,
       o.tasks, o.input_tokens, o.cached_input_tokens, o.cache_write_tokens, o.reasoning_tokens, o.answer_tokens
FROM versions v
JOIN one_pass o USING (evaluation);
COMMENT ON VIEW index_pass_tokens IS 'Per as_of, index_id, version, model, effort and evaluation of the version: weight, evaluations_in_version, tasks, and the input, cached_input, cache_write, reasoning and answer tokens of one pass (mean over runs started on or before as_of).';
