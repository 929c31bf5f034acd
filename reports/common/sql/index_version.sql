-- The intelligence index version a report uses: $version, or the latest published on or before
-- $as_of when $version is empty; with its evaluations and weights, and the report policy (its
-- tiers, smile threshold and openness version) that goes with it.
WITH chosen AS (
    SELECT index_id, version, name, published_at, description
    FROM index_versions
    WHERE kind = 'intelligence'
      AND (($version <> '' AND version = $version) OR ($version = '' AND published_at <= $as_of))
    ORDER BY published_at DESC
    LIMIT 1
)
SELECT c.index_id, c.version, c.name, c.published_at, c.description,
       p.smile_threshold, p.openness_index_id, p.openness_version,
       list({'evaluation': ie.evaluation, 'name': e.name, 'category': ie.category, 'weight': ie.weight}
            ORDER BY ie.weight DESC, ie.evaluation) AS evaluations
FROM chosen c
JOIN report_policies p USING (index_id, version)
JOIN index_evaluations ie USING (index_id, version)
JOIN evaluations e USING (evaluation)
GROUP BY ALL
