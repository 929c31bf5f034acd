-- The categories of the evaluations of version $version of the intelligence index (what a subscriber's
-- minimum on a category may name).
SELECT DISTINCT category FROM index_evaluations
WHERE index_id = 'intelligence' AND version = $version AND category IS NOT NULL
ORDER BY category
