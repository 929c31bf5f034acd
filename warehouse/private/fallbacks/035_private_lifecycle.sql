-- One row per as-of date and candidate model: status 'unknown', counted as on sale. This warehouse
-- has no public model_buyable view, so no lifecycle is claimed (warehouse/private/views/035_private_lifecycle.sql
-- is used wherever it has one).
CREATE OR REPLACE TEMP VIEW private_lifecycle AS
WITH candidates AS (
    SELECT DISTINCT model FROM tenant.eval_runs
)
SELECT c.as_of, m.model, 'unknown' AS status, true AS buyable, CAST(NULL AS DATE) AS shutdown_on,
       CAST(NULL AS VARCHAR) AS replacement, CAST(NULL AS VARCHAR) AS why,
       'none: the warehouse has no model_buyable view' AS lifecycle_source
FROM candidates m
CROSS JOIN bh.calendar c;
