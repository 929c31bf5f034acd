-- One row per intelligence index version, as-of date and notable model released by then that has no
-- complete index that day, and why: no house runs on the version's evaluations, or runs missing some
-- of them (named). Notable: notable_models (the report policy's rule). What a report does not
-- cover, said out loud.
CREATE OR REPLACE VIEW coverage_gaps AS
WITH notable AS (
    SELECT * FROM notable_models
),
scored AS (
    SELECT DISTINCT as_of, model, evaluation FROM eval_scores WHERE source = 'house'
),
missing AS (
    SELECT n.index_id, n.version, n.as_of, n.model,
           count(s.evaluation) AS evaluations_run, count(*) AS evaluations,
           list(e.name ORDER BY e.name) FILTER (WHERE s.evaluation IS NULL) AS missing_evaluations
    FROM notable n
    JOIN index_evaluations ie ON ie.index_id = n.index_id AND ie.version = n.version
    JOIN evaluations e ON e.evaluation = ie.evaluation
    LEFT JOIN scored s ON s.as_of = n.as_of AND s.model = n.model AND s.evaluation = ie.evaluation
    GROUP BY ALL
),
complete AS (
    SELECT DISTINCT index_id, version, as_of, model FROM intelligence_index WHERE complete
)
SELECT n.index_id, n.version, n.as_of, n.model, nm.name AS display_name, n.creator, n.release_date,
       m.evaluations_run, m.evaluations, m.missing_evaluations,
       CASE WHEN m.evaluations_run = 0 THEN 'no house runs on the evaluations of this index version'
            ELSE 'no house runs on ' || array_to_string(m.missing_evaluations, ', ') END AS reason
FROM notable n
JOIN missing m USING (index_id, version, as_of, model)
JOIN model_names nm ON nm.model = n.model
LEFT JOIN complete c USING (index_id, version, as_of, model)
WHERE c.model IS NULL;
COMMENT ON VIEW coverage_gaps IS 'Per intelligence index_id, version, as_of and notable model released by then (the report policy''s known creators, its recent months, a first-party price or open weights) with no complete index that day: display_name, creator, release_date, evaluations_run, evaluations, missing_evaluations (names), reason.';
