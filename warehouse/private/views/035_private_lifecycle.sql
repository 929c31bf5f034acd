-- requires public view: model_lifecycle
-- One row per as-of date and candidate model: its lifecycle status on that date from the
-- warehouse's model_lifecycle (active, deprecated, retired), with the shutdown date and the
-- replacement; 'unknown' where the warehouse has no record of the model. (Without the public view,
-- warehouse/private/fallbacks/035_private_lifecycle.sql says 'unknown' for every model.)
CREATE OR REPLACE TEMP VIEW private_lifecycle AS
WITH candidates AS (
    SELECT DISTINCT model FROM tenant.eval_runs
)
SELECT c.as_of, m.model, coalesce(l.status, 'unknown') AS status,
       CAST(l.shutdown_on AS DATE) AS shutdown_on, CAST(l.replacement AS VARCHAR) AS replacement,
       'model_lifecycle' AS lifecycle_source
FROM candidates m
CROSS JOIN bh.calendar c
LEFT JOIN bh.model_lifecycle l ON l.model = m.model AND l.as_of = c.as_of;
