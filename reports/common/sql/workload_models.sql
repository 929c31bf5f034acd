-- A subscriber's workload ($requests_per_month requests of $input_tokens input and $output_tokens
-- output tokens, reasoning included) a month at each model's list prices of $as_of (token_prices: the
-- standard rate; output tokens at the output price), by the one definition of a workload's monthly
-- cost (warehouse/macros/050_workload_cost.sql); only models that can be bought that day.
SELECT p.model, p.input_usd_per_mtok, p.answer_usd_per_mtok AS output_usd_per_mtok,
       workload_usd_per_month($requests_per_month, $input_tokens, p.input_usd_per_mtok) AS your_input_usd,
       workload_usd_per_month($requests_per_month, $output_tokens, p.answer_usd_per_mtok) AS your_output_usd,
       your_input_usd + your_output_usd AS your_usd_per_month
FROM token_prices p
JOIN model_buyable b ON b.model = p.model AND b.as_of = p.as_of AND b.buyable
WHERE p.as_of = $as_of
