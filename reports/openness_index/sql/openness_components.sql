-- The components of openness index $openness_index version $openness_version, in the rubric's order.
SELECT component, name, pillar
FROM openness_components
WHERE index_id = $openness_index AND version = $openness_version
ORDER BY position
