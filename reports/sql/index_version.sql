-- The intelligence index version a report uses: $version, or the latest published on or before
-- the period's end when $version is empty; with its evaluations and weights.
WITH chosen AS (
    SELECT index_id, version, name, published_at, description
    FROM index_versions
    WHERE kind = 'intelligence'
      AND (($version <> '' AND version = $version) OR ($version = '' AND published_at <= $period_end))
    ORDER BY published_at DESC
    LIMIT 1
)
SELECT c.index_id, c.version, c.name, c.published_at, c.description,
       list({'evaluation': ie.evaluation, 'name': e.name, 'category': ie.category, 'weight': ie.weight}
            ORDER BY ie.weight DESC, ie.evaluation) AS evaluations
FROM chosen c
JOIN index_evaluations ie USING (index_id, version)
JOIN evaluations e USING (evaluation)
GROUP BY ALL
