-- One row per openness index version, as-of date and model whose Openness Index differs from three
-- months before (previous_as_of: for a quarter's last day, the previous quarter's), or that was
-- scored for the first time: its score before and after, and each component that moved, by name.
CREATE OR REPLACE VIEW openness_change AS
WITH paired AS (
    SELECT n.index_id, n.version, n.as_of, CAST(last_day(n.as_of - INTERVAL 3 MONTH) AS DATE) AS previous_as_of,
           n.model, b.score AS score_before, n.score AS score_after, n.derived_from,
           [n.weights_access, n.weights_licence, n.data_access, n.data_licence, n.methodology, n.training_code]
               AS after_levels,
           CASE WHEN b.model IS NOT NULL THEN [b.weights_access, b.weights_licence, b.data_access, b.data_licence,
                                               b.methodology, b.training_code] END AS before_levels
    FROM openness_index_as_of n
    LEFT JOIN openness_index_as_of b
           ON b.index_id = n.index_id AND b.version = n.version AND b.model = n.model
          AND b.as_of = CAST(last_day(n.as_of - INTERVAL 3 MONTH) AS DATE)
),
components AS (
    SELECT index_id, version, list(name ORDER BY position) AS names
    FROM openness_components
    GROUP BY ALL
)
SELECT p.index_id, p.version, p.as_of, p.previous_as_of, p.model, m.name AS display_name, p.score_before, p.score_after,
       p.derived_from,
       [{'component': c.names[i], 'before': p.before_levels[i], 'after': p.after_levels[i]}
        FOR i IN range(1, 7) IF p.before_levels IS NULL OR p.before_levels[i] <> p.after_levels[i]] AS moved
FROM paired p
JOIN components c USING (index_id, version)
JOIN model_names m USING (model)
WHERE p.before_levels IS NULL OR p.before_levels <> p.after_levels;
COMMENT ON VIEW openness_change IS 'Per openness index_id, version, as_of and model whose index changed since previous_as_of (three months before) or was first scored: display_name, score_before (NULL when new), score_after, derived_from, moved (list of component name, before, after).';
