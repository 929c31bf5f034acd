-- The pair of variants, within two index points of each other in version $version, whose output
-- tokens to run the index differ the most: the token-efficiency gap at equal intelligence.
WITH v AS (
    SELECT i.model, i.effort, m.display_name, i."index", c.output_tokens, c.total_usd
    FROM intelligence_index i
    JOIN cost_to_run c USING (index_id, version, model, effort, as_of)
    JOIN models m USING (model)
    WHERE i.index_id = 'intelligence' AND i.version = $version AND i.complete AND c.as_of = $as_of
      AND c.output_tokens > 0
)
SELECT a.display_name AS frugal_name, a.effort AS frugal_effort, a."index" AS frugal_index,
       a.output_tokens AS frugal_tokens, a.total_usd AS frugal_usd,
       b.display_name AS verbose_name, b.effort AS verbose_effort, b."index" AS verbose_index,
       b.output_tokens AS verbose_tokens, b.total_usd AS verbose_usd,
       b.output_tokens / a.output_tokens AS token_ratio,
       b.total_usd / a.total_usd AS cost_ratio
FROM v a
JOIN v b ON abs(a."index" - b."index") <= 2 AND b.output_tokens > a.output_tokens
ORDER BY token_ratio DESC
LIMIT 1
