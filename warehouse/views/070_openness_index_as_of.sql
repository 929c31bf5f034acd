-- One row per openness index version, as-of date and model with an assessment made by then: the
-- six component levels (0-3), raw (0-18) and score (raw / 18 x 100), and where they came from
-- (docs/methodology.md, "Openness Index"). The house's own assessment wins; a model the house has
-- not assessed gets a score derived from an outside framework through openness_mappings (the
-- European Open Source AI Index first, as it assesses more of the rubric, then the Model Openness
-- Tool), labelled as such. For each component the latest assessment on or before the as-of date
-- counts; a component with nothing to go on counts 0 and components_assessed says how many were.
-- assessed says what each assessed component rests on (the framework's criteria that fed it), so
-- that a change between two dates can be taken on what both scores share (openness_change).
CREATE OR REPLACE VIEW openness_index_as_of AS
WITH latest AS (
    SELECT c.as_of, a.model, a.framework, a.component AS criterion, arg_max(a.level, (a.assessed_at, a.batch_id)) AS level,
           max(a.assessed_at) AS assessed_at
    FROM openness_assessments a
    JOIN calendar c ON a.assessed_at <= c.as_of
    GROUP BY ALL
),
house AS (
    SELECT l.as_of, v.index_id, v.version, l.model, 'house assessment' AS derived_from, 1 AS preference,
           c.component, CAST(l.level AS DOUBLE) AS level, l.assessed_at, l.criterion AS criteria
    FROM latest l
    JOIN openness_components c ON c.component = l.criterion
    JOIN index_versions v ON v.index_id = c.index_id AND v.version = c.version
    WHERE l.framework = 'openness-index' AND v.kind = 'openness'
),
derived AS (
    SELECT l.as_of, m.index_id, m.version, l.model, 'derived from ' || l.framework AS derived_from,
           CASE l.framework WHEN 'eosai' THEN 2 WHEN 'mof' THEN 3 ELSE 4 END AS preference,
           m.component, floor(avg(m.level) + 0.5) AS level, max(l.assessed_at) AS assessed_at,
           string_agg(DISTINCT l.criterion, ', ' ORDER BY l.criterion) AS criteria
    FROM latest l
    JOIN openness_mappings m ON m.framework = l.framework AND m.criterion = l.criterion AND m.level_found = l.level
    GROUP BY ALL
),
candidates AS (
    SELECT * FROM house UNION ALL SELECT * FROM derived
),
chosen AS (
    SELECT as_of, index_id, version, model, min(preference) AS preference
    FROM candidates GROUP BY ALL
),
levels AS (
    SELECT c.as_of, c.index_id, c.version, c.model, c.derived_from, c.component, c.level, c.assessed_at, c.criteria
    FROM candidates c
    JOIN chosen USING (as_of, index_id, version, model, preference)
)
SELECT l.as_of, l.index_id, l.version, l.model,
       CAST(coalesce(max(l.level) FILTER (WHERE l.component = 'weights_access'), 0) AS INTEGER) AS weights_access,
       CAST(coalesce(max(l.level) FILTER (WHERE l.component = 'weights_licence'), 0) AS INTEGER) AS weights_licence,
       CAST(coalesce(max(l.level) FILTER (WHERE l.component = 'data_access'), 0) AS INTEGER) AS data_access,
       CAST(coalesce(max(l.level) FILTER (WHERE l.component = 'data_licence'), 0) AS INTEGER) AS data_licence,
       CAST(coalesce(max(l.level) FILTER (WHERE l.component = 'methodology'), 0) AS INTEGER) AS methodology,
       CAST(coalesce(max(l.level) FILTER (WHERE l.component = 'training_code'), 0) AS INTEGER) AS training_code,
       weights_access + weights_licence + data_access + data_licence + methodology + training_code AS raw,
       round(100 * raw / 18, 2) AS score,
       any_value(l.derived_from) AS derived_from,
       count(DISTINCT l.component) AS components_assessed,
       max(l.assessed_at) AS assessed_at,
       map_from_entries(list((l.component, l.criteria) ORDER BY l.component)) AS assessed
FROM levels l
GROUP BY l.as_of, l.index_id, l.version, l.model;
COMMENT ON VIEW openness_index_as_of IS 'Per as_of, index_id, version, model assessed by then: weights_access, weights_licence, data_access, data_licence, methodology, training_code (0-3), raw (0-18), score (raw / 18 x 100), derived_from (house assessment, or derived from eosai / mof), components_assessed, assessed_at, assessed (map: each assessed component to the criteria of its framework it rests on, comma-separated).';
