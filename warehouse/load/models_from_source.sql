-- Load catalogue rows from a source (their creators: creators.sql): a new model is added. A model already
-- in the warehouse takes an authoritative source's facts where it has some ($authoritative: Epoch
-- AI's model versions) and only fills its gaps from any other source, so that the order sources
-- load in does not decide a release date or a display name. A curated release date
-- (warehouse/identity/release_dates.csv: where the sources disagree or are wrong) decides over
-- every source; release_date_source says where each model's date came from.
CREATE OR REPLACE TEMP TABLE merged_models AS
SELECT a.model,
       CASE WHEN $authoritative THEN coalesce(a.creator, m.creator) ELSE coalesce(m.creator, a.creator) END AS creator,
       CASE WHEN $authoritative THEN coalesce(a.display_name, m.display_name)
            ELSE coalesce(m.display_name, a.display_name) END AS display_name,
       CASE WHEN c.model IS NOT NULL THEN c.release_date
            WHEN $authoritative THEN coalesce(a.release_date, m.release_date)
            ELSE coalesce(m.release_date, a.release_date) END AS release_date,
       CASE WHEN $authoritative THEN coalesce(a.params_total_b, m.params_total_b) ELSE coalesce(m.params_total_b, a.params_total_b) END AS params_total_b,
       CASE WHEN $authoritative THEN coalesce(a.params_active_b, m.params_active_b) ELSE coalesce(m.params_active_b, a.params_active_b) END AS params_active_b,
       CASE WHEN $authoritative THEN coalesce(a.open_weights, m.open_weights) ELSE coalesce(m.open_weights, a.open_weights) END AS open_weights,
       CASE WHEN $authoritative THEN coalesce(a.reasoning, m.reasoning) ELSE coalesce(m.reasoning, a.reasoning) END AS reasoning,
       CASE WHEN $authoritative THEN coalesce(a.context_window, m.context_window)
            ELSE coalesce(m.context_window, a.context_window) END AS context_window,
       CASE WHEN c.model IS NOT NULL THEN 'curated'
            WHEN $authoritative AND a.release_date IS NOT NULL THEN $source
            WHEN m.release_date IS NOT NULL THEN m.release_date_source
            WHEN a.release_date IS NOT NULL THEN $source END AS release_date_source
FROM accepted a
LEFT JOIN models m USING (model)
LEFT JOIN curated_release_dates c USING (model);

DELETE FROM models WHERE model IN (SELECT model FROM merged_models);

INSERT INTO models (model, creator, display_name, release_date, params_total_b, params_active_b, open_weights,
                    batch_id, release_date_source, reasoning, context_window)
SELECT model, creator, display_name, release_date, params_total_b, params_active_b, open_weights,
       $batch_id, release_date_source, reasoning, context_window
FROM merged_models;
