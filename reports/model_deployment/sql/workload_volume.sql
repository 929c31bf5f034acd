-- A subscriber's workload ($requests_per_month requests of $output_tokens output tokens) in million
-- output tokens a month: what a dedicated system's capacity and break-even are counted in
-- (warehouse/macros/050_workload_cost.sql).
SELECT workload_output_mtok($requests_per_month, $output_tokens) AS output_mtok_per_month
