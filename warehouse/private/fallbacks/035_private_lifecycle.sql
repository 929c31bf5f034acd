-- One row per as-of date and candidate model: status 'unknown'. This warehouse has no public
-- model_lifecycle view, so no lifecycle is claimed (warehouse/private/views/035_private_lifecycle.sql
-- is used wherever it has one).
CREATE OR REPLACE TEMP VIEW private_lifecycle AS
WITH candidates AS (
    SELECT DISTINCT model FROM tenant.eval_runs
)
SELECT c.as_of, m.model, 'unknown' AS status, CAST(NULL AS DATE) AS shutdown_on,
       CAST(NULL AS VARCHAR) AS replacement, 'none: the warehouse has no model_lifecycle view' AS lifecycle_source
FROM candidates m
CROSS JOIN bh.calendar c;
