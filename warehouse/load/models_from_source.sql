-- Load catalogue rows from a source: creators on first sight; a new model is added; a model already
-- in the warehouse takes the source's facts where it has some and keeps its own elsewhere, so the
-- order sources are loaded in is their precedence. Its display name stays the first one given:
-- readers already know it by that name.
INSERT INTO creators
SELECT DISTINCT creator, CAST(NULL AS VARCHAR), $batch_id
FROM accepted
WHERE creator NOT IN (SELECT creator FROM creators);

CREATE OR REPLACE TEMP TABLE merged_models AS
SELECT a.model,
       coalesce(a.creator, m.creator) AS creator,
       coalesce(m.display_name, a.display_name) AS display_name,
       coalesce(a.release_date, m.release_date) AS release_date,
       coalesce(a.params_total_b, m.params_total_b) AS params_total_b,
       coalesce(a.params_active_b, m.params_active_b) AS params_active_b,
       coalesce(a.open_weights, m.open_weights) AS open_weights
FROM accepted a
LEFT JOIN models m USING (model);

DELETE FROM models WHERE model IN (SELECT model FROM merged_models);

INSERT INTO models
SELECT model, creator, display_name, release_date, params_total_b, params_active_b, open_weights,
       $batch_id
FROM merged_models;
