-- Every model with an Openness Index v1 score, with its creator, whether its weights are open, and
-- its best complete index in version $version (over its variants), if any.
WITH best AS (
    SELECT model, max("index") AS "index"
    FROM intelligence_index
    WHERE index_id = 'intelligence' AND version = $version AND complete
      AND as_of = (SELECT max(as_of) FROM calendar)
    GROUP BY model
)
SELECT o.*, m.display_name, m.creator, m.open_weights, m.release_date, b."index"
FROM openness_index o
JOIN models m USING (model)
LEFT JOIN best b USING (model)
WHERE o.index_id = 'openness' AND o.version = '1'
ORDER BY o.score DESC, m.display_name
