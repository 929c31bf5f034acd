-- Load accepted model rows (their creators: creators.sql), each model replaced whole, so that a
-- corrected release date or parameter count supersedes the old row (the old one stays readable
-- at earlier snapshots).
DELETE FROM models WHERE model IN (SELECT model FROM accepted);

INSERT INTO models (model, creator, display_name, release_date, params_total_b, params_active_b, open_weights,
                    batch_id, release_date_source, reasoning, context_window)
SELECT model, creator, display_name, release_date, params_total_b, params_active_b, open_weights,
       $batch_id, CASE WHEN release_date IS NOT NULL THEN 'house' END, reasoning, context_window
FROM accepted;
