-- Register, on first sight, the creators that accepted rows of any kind with a creator name (models,
-- developer assessments), with the name the house gives each (warehouse/identity/creator_names.csv);
-- a creator registered before the house named it takes its name when its rows load again.
INSERT INTO creators (creator, name, batch_id)
SELECT DISTINCT a.creator, n.name, $batch_id
FROM accepted a
LEFT JOIN read_csv($creator_names, header = true, all_varchar = true) n USING (creator)
WHERE a.creator NOT IN (SELECT creator FROM creators);

UPDATE creators SET name = n.name
FROM read_csv($creator_names, header = true, all_varchar = true) n
WHERE creators.creator = n.creator AND creators.name IS NULL
  AND creators.creator IN (SELECT creator FROM accepted);
