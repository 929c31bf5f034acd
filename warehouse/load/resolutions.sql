-- Record how every raw model name of this source batch resolved (with the release date a catalogue
-- row gave, and the candidates of an ambiguous name), and keep the aliases it used (model_aliases:
-- how this source names each canonical variant).
INSERT INTO name_resolutions
SELECT $batch_id, $source, kind, scope, raw_name, model, effort, resolved_by, rows, release_date, candidates
FROM resolutions;

INSERT INTO model_aliases
SELECT DISTINCT $source, raw_name, model, coalesce(effort, 'default'), $batch_id
FROM resolutions
WHERE model IS NOT NULL AND raw_name <> model;
