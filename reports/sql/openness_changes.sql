-- Openness assessments that changed a level after $previous_as_of and on or before $as_of.
SELECT * FROM openness_changes
WHERE assessed_at > $previous_as_of AND assessed_at <= $as_of
ORDER BY assessed_at DESC, display_name, component
