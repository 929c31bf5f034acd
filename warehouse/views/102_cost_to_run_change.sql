-- One row per intelligence index version, as-of date and priced variant whose cost to run changed
-- since the same day three months before (previous_as_of: for a quarter's last day, the previous
-- quarter's), by more than 1%, or that had no cost then (newly priced): the quarter's movers.
CREATE OR REPLACE VIEW cost_to_run_change AS
WITH priced AS (
    SELECT index_id, version, as_of, model, effort, total_usd
    FROM cost_to_run
    WHERE total_usd IS NOT NULL
),
compared AS (
    SELECT n.index_id, n.version, n.as_of, quarter_before(n.as_of) AS previous_as_of,
           n.model, n.effort, b.total_usd AS before_usd, n.total_usd AS now_usd
    FROM priced n
    LEFT JOIN priced b
           ON b.index_id = n.index_id AND b.version = n.version AND b.model = n.model AND b.effort = n.effort
          AND b.as_of = quarter_before(n.as_of)
)
SELECT c.index_id, c.version, c.as_of, c.previous_as_of, c.model, c.effort, m.name AS display_name,
       c.before_usd, c.now_usd, c.now_usd / c.before_usd AS ratio,
       abs(ln(c.now_usd / c.before_usd)) AS log_change,
       c.before_usd IS NULL AS newly_priced,
       count(*) FILTER (WHERE c.before_usd IS NULL) OVER (PARTITION BY c.index_id, c.version, c.as_of)
           AS newly_priced_variants
FROM compared c
JOIN model_names m USING (model)
WHERE c.before_usd IS NULL OR abs(ln(c.now_usd / c.before_usd)) > 0.01;
COMMENT ON VIEW cost_to_run_change IS 'Per index_id, version, as_of, model, effort whose cost to run moved more than 1% since previous_as_of (three months before) or was newly priced: display_name, before_usd, now_usd, ratio (now / before), log_change (|ln ratio|), newly_priced, newly_priced_variants (how many that day).';
