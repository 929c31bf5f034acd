-- One row per intelligence index version and as-of date: the pair of variants within two index
-- points of each other whose output tokens to run the index differ the most, the token-efficiency
-- gap at equal intelligence, and how much more the verbose one costs.
CREATE OR REPLACE VIEW token_spread AS
WITH v AS (
    SELECT index_id, version, as_of, model, effort, display_name, "index", output_tokens, total_usd
    FROM intelligence_cost
    WHERE output_tokens > 0
)
SELECT a.index_id, a.version, a.as_of,
       a.model AS frugal_model, a.effort AS frugal_effort, a.display_name AS frugal_name,
       a."index" AS frugal_index, a.output_tokens AS frugal_tokens, a.total_usd AS frugal_usd,
       b.model AS verbose_model, b.effort AS verbose_effort, b.display_name AS verbose_name,
       b."index" AS verbose_index, b.output_tokens AS verbose_tokens, b.total_usd AS verbose_usd,
       b.output_tokens / a.output_tokens AS token_ratio,
       b.total_usd / a.total_usd AS cost_ratio
FROM v a
JOIN v b ON b.index_id = a.index_id AND b.version = a.version AND b.as_of = a.as_of
        AND abs(a."index" - b."index") <= 2 AND b.output_tokens > a.output_tokens
QUALIFY row_number() OVER (PARTITION BY a.index_id, a.version, a.as_of
                           ORDER BY b.output_tokens / a.output_tokens DESC, a.model, a.effort, b.model, b.effort) = 1;
COMMENT ON VIEW token_spread IS 'Per index_id, version, as_of: the frugal and the verbose variant (model, effort, name, index, output tokens, cost to run) within two index points with the largest token_ratio (verbose / frugal output tokens), and cost_ratio.';
