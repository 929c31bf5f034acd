-- One row per model: the name reports print, unique among models. A display name two models share
-- (a base and an instruct release, two snapshots of one API name) gets the month of release where
-- that tells them apart, else the model id: no two models read the same in a chart or a table.
CREATE OR REPLACE VIEW model_names AS
WITH counted AS (
    SELECT model, display_name, release_date,
           count(*) OVER (PARTITION BY display_name) AS same_name,
           count(*) OVER (PARTITION BY display_name, date_trunc('month', release_date)) AS same_month
    FROM models
),
first_try AS (
    SELECT model, display_name,
           CASE WHEN same_name = 1 THEN display_name
                WHEN release_date IS NOT NULL AND same_month = 1
                    THEN display_name || ' (' || strftime(release_date, '%b %Y') || ')'
                ELSE display_name || ' (' || model || ')'
           END AS name
    FROM counted
)
SELECT model,  -- a dated name may meet another model's own display name, which keeps it: the id settles it
       CASE WHEN count(*) OVER (PARTITION BY name) > 1 AND name <> display_name THEN display_name || ' (' || model || ')'
            ELSE name END AS name
FROM first_try;
COMMENT ON VIEW model_names IS 'Per model: name (the display name, with its release month or its id where models share a display name: unique among models).';
