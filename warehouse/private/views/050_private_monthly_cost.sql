-- One row per as-of date and candidate variant: the projected monthly cost of the client's whole
-- workload (every use case), split by token type, and at the client's stated tokens
-- (stated_usd_per_month; measured: some use case is priced at the variant's own tokens); priced only
-- when every use case is.
CREATE OR REPLACE TEMP VIEW private_monthly_cost AS
SELECT as_of, model, effort,
       count(*) AS use_cases,
       bool_and(price_basis IS NOT NULL) AS priced,
       any_value(price_basis) AS price_basis,
       sum(requests_per_month) AS requests_per_month,
       CASE WHEN bool_and(price_basis IS NOT NULL) THEN sum(input_usd) END AS input_usd,
       CASE WHEN bool_and(price_basis IS NOT NULL) THEN sum(cached_input_usd) END AS cached_input_usd,
       CASE WHEN bool_and(price_basis IS NOT NULL) THEN sum(cache_write_usd) END AS cache_write_usd,
       CASE WHEN bool_and(price_basis IS NOT NULL) THEN sum(reasoning_usd) END AS reasoning_usd,
       CASE WHEN bool_and(price_basis IS NOT NULL) THEN sum(answer_usd) END AS answer_usd,
       CASE WHEN bool_and(price_basis IS NOT NULL) THEN sum(usd_per_month) END AS usd_per_month,
       CASE WHEN bool_and(price_basis IS NOT NULL) THEN sum(stated_usd_per_month) END AS stated_usd_per_month,
       bool_or(token_basis LIKE 'measured%') AS measured
FROM private_workload_cost
GROUP BY as_of, model, effort;
