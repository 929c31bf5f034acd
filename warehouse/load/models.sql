-- Load accepted model rows: creators on first sight, then each model replaced whole, so that a
-- corrected release date or parameter count supersedes the old row (the old one stays readable
-- at earlier snapshots).
INSERT INTO creators
SELECT DISTINCT a.creator, n.name, $batch_id
FROM accepted a
LEFT JOIN read_csv($creator_names, header = true, all_varchar = true) n USING (creator)
WHERE a.creator NOT IN (SELECT creator FROM creators);

-- A creator registered before the house named it (warehouse/identity/creator_names.csv) takes its name.
UPDATE creators SET name = n.name
FROM read_csv($creator_names, header = true, all_varchar = true) n
WHERE creators.creator = n.creator AND creators.name IS NULL
  AND creators.creator IN (SELECT creator FROM accepted);

DELETE FROM models WHERE model IN (SELECT model FROM accepted);

INSERT INTO models (model, creator, display_name, release_date, params_total_b, params_active_b, open_weights,
                    batch_id, release_date_source, reasoning)
SELECT model, creator, display_name, release_date, params_total_b, params_active_b, open_weights,
       $batch_id, CASE WHEN release_date IS NOT NULL THEN 'house' END, reasoning
FROM accepted;
