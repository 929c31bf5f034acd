-- Per source (latest batch), kind and scope: rows read, rows whose model name resolved to a
-- canonical model, and the share resolved. Prices are split into first-party (sold by the model's
-- creator) and reseller rows; other kinds are counted whole. Rows a source skipped on purpose
-- (a benchmark the house does not track) are counted apart and not in the share.
WITH latest AS (
    SELECT source, max(batch_id) AS batch_id FROM name_resolutions GROUP BY source
),
counted AS (
    SELECT r.source, r.kind,
           CASE WHEN r.scope IN ('first-party', 'reseller') THEN r.scope ELSE '' END AS scope,
           coalesce(sum(r.rows) FILTER (WHERE NOT starts_with(r.resolved_by, 'skipped')), 0) AS rows,
           coalesce(sum(r.rows) FILTER (WHERE r.model IS NOT NULL OR r.resolved_by = 'alias-of'), 0) AS resolved,
           coalesce(sum(r.rows) FILTER (WHERE starts_with(r.resolved_by, 'skipped')), 0) AS skipped
    FROM name_resolutions r
    JOIN latest USING (source, batch_id)
    GROUP BY ALL
)
SELECT source, kind, scope, rows, resolved, round(100.0 * resolved / nullif(rows, 0), 1) AS pct_resolved, skipped
FROM counted
ORDER BY source, kind, scope
