-- One row per openness assessment that set a level different from the one the same model,
-- framework and criterion had before (or set one for the first time): what changed, and when. A
-- report filters it to its quarter.
CREATE OR REPLACE VIEW openness_changes AS
WITH ranked AS (
    SELECT a.*, lag(level) OVER (PARTITION BY model, framework, component ORDER BY assessed_at) AS before
    FROM openness_assessments a
)
SELECT r.model, m.name AS display_name, r.framework, r.component, r.before, r.level, r.assessed_at
FROM ranked r
JOIN model_names m USING (model)
WHERE r.before IS NULL OR r.before <> r.level;
COMMENT ON VIEW openness_changes IS 'Per assessment that changed a level: model, display_name, framework, component (criterion), before (NULL for a first assessment), level, assessed_at.';
