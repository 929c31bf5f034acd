-- Variants whose cost to run the index changed between $previous (the previous quarter's end) and
-- $as_of, largest change first: price moves, or a variant newly priced.
WITH now AS (
    SELECT model, effort, total_usd FROM cost_to_run
    WHERE index_id = 'intelligence' AND version = $version AND as_of = $as_of AND total_usd IS NOT NULL
),
before AS (
    SELECT model, effort, total_usd FROM cost_to_run
    WHERE index_id = 'intelligence' AND version = $version AND as_of = $previous AND total_usd IS NOT NULL
)
SELECT n.model, n.effort, m.display_name, b.total_usd AS before_usd, n.total_usd AS now_usd,
       n.total_usd / b.total_usd AS ratio,
       b.total_usd IS NULL AS newly_priced
FROM now n
JOIN models m USING (model)
LEFT JOIN before b USING (model, effort)
WHERE b.total_usd IS NULL OR abs(ln(n.total_usd / b.total_usd)) > 0.01
ORDER BY b.total_usd IS NULL, abs(ln(n.total_usd / b.total_usd)) DESC, m.display_name, n.model, n.effort
