-- requires public view: model_buyable
-- One row per as-of date and candidate model: whether it can be bought that day, by the warehouse's
-- one rule (model_buyable: not once its creator has shut it down), with its lifecycle status
-- (active, deprecated, retired), the shutdown date, the replacement and why in words; a model the
-- warehouse has no record of is 'unknown' and counted as on sale, as model_lifecycle counts a model
-- no record speaks of. (Without the public view, warehouse/private/fallbacks/035_private_lifecycle.sql
-- says 'unknown' for every model.) The private views decide what is on sale here and nowhere else.
CREATE OR REPLACE TEMP VIEW private_lifecycle AS
WITH candidates AS (
    SELECT DISTINCT model FROM tenant.eval_runs
)
SELECT c.as_of, m.model, coalesce(b.status, 'unknown') AS status, coalesce(b.buyable, true) AS buyable,
       CAST(b.shutdown_on AS DATE) AS shutdown_on, CAST(b.replacement AS VARCHAR) AS replacement,
       CAST(b.why AS VARCHAR) AS why, 'model_buyable' AS lifecycle_source
FROM candidates m
CROSS JOIN bh.calendar c
LEFT JOIN bh.model_buyable b ON b.model = m.model AND b.as_of = c.as_of;
