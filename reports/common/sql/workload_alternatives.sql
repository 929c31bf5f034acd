-- A subscriber's workload ($requests_per_month requests of $input_tokens input and $output_tokens output
-- tokens, reasoning included) on the cheaper alternative of each focus variant, like for like: the stated
-- output tokens are the focus variant's, and the alternative writes as many as the two variants' output
-- tokens (reasoning and answer) on one pass of the Intelligence Index's version $version stand to each other on $as_of
-- (intelligence_cost: the same tasks, the same repeats). Two models that score alike can differ tenfold in
-- the tokens they write; pricing the alternative at the focus model's tokens would carry the focus model's
-- reasoning over to it. Input tokens are the request's, the same on either model. Priced as
-- workload_models.sql prices the focus variant (token_prices at $as_of, the one definition of a workload's
-- month: warehouse/macros/050_workload_cost.sql); no month where either variant wrote no output on the
-- index or the alternative cannot be bought that day. The pairs are the parallel lists $models, $efforts,
-- $alternative_models and $alternative_efforts.
WITH pairs AS (
    SELECT unnest($models) AS model, unnest($efforts) AS effort,
           unnest($alternative_models) AS alternative_model, unnest($alternative_efforts) AS alternative_effort
),
scaled AS (
    SELECT p.*, own.output_tokens AS own_pass_output_tokens, alt.output_tokens AS alternative_pass_output_tokens,
           alt.output_tokens / own.output_tokens AS output_ratio,
           $output_tokens * alt.output_tokens / own.output_tokens AS output_tokens
    FROM pairs p
    LEFT JOIN intelligence_cost own
           ON own.index_id = 'intelligence' AND own.version = $version AND own.as_of = $as_of
          AND own.model = p.model AND own.effort = p.effort
          AND own.output_tokens > 0
    LEFT JOIN intelligence_cost alt
           ON alt.index_id = 'intelligence' AND alt.version = $version AND alt.as_of = $as_of AND alt.model = p.alternative_model
          AND alt.effort = p.alternative_effort AND alt.output_tokens > 0
)
SELECT s.model, s.effort, s.alternative_model, s.alternative_effort, s.own_pass_output_tokens,
       s.alternative_pass_output_tokens, s.output_ratio, s.output_tokens,
       t.input_usd_per_mtok, t.answer_usd_per_mtok AS output_usd_per_mtok,
       workload_usd_per_month($requests_per_month, $input_tokens, t.input_usd_per_mtok) AS your_input_usd,
       workload_usd_per_month($requests_per_month, s.output_tokens, t.answer_usd_per_mtok) AS your_output_usd,
       your_input_usd + your_output_usd AS your_usd_per_month
FROM scaled s
LEFT JOIN (
    SELECT p.* FROM token_prices p
    JOIN model_buyable b ON b.model = p.model AND b.as_of = p.as_of AND b.buyable
    WHERE p.as_of = $as_of
) t ON t.model = s.alternative_model AND s.output_tokens IS NOT NULL
