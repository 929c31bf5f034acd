-- Assessments made between $previous (exclusive) and $period_end (inclusive), each with the level
-- the same model, framework and criterion had before, if any: what changed this quarter.
WITH ranked AS (
    SELECT a.*, lag(level) OVER (PARTITION BY model, framework, component ORDER BY assessed_at) AS before
    FROM openness_assessments a
)
SELECT r.model, m.display_name, r.framework, r.component, r.before, r.level, r.assessed_at
FROM ranked r
JOIN models m USING (model)
WHERE r.assessed_at > $previous AND r.assessed_at <= $period_end
  AND (r.before IS NULL OR r.before <> r.level)
ORDER BY r.assessed_at DESC, m.display_name, r.component
