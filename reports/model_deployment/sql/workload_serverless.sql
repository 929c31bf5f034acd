-- A subscriber's workload ($requests_per_month requests of $input_tokens input and $output_tokens
-- output tokens) a month at each provider selling a model's input and output tokens on $as_of, by
-- the one definition of a workload's monthly cost (warehouse/macros/050_workload_cost.sql); the rows
-- of serverless.sql, by model and provider.
SELECT s.model, s.provider,
       workload_usd_per_month($requests_per_month, $input_tokens, s.input_usd_per_mtok) AS your_input_usd,
       workload_usd_per_month($requests_per_month, $output_tokens, s.output_usd_per_mtok) AS your_output_usd,
       your_input_usd + your_output_usd AS your_usd_per_month
FROM serverless_options s
JOIN model_buyable b ON b.model = s.model AND b.as_of = s.as_of AND b.buyable
WHERE s.as_of = $as_of
ORDER BY s.model, s.provider
