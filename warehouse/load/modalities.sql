-- Load accepted modality statements. An origin states a model's modalities whole: its rows for a
-- model replace the rows it loaded for that model before (a source's new read has already removed
-- what its earlier batches loaded), so a corrected house statement supersedes the house's earlier one.
DELETE FROM model_modalities
WHERE origin = (SELECT origin FROM ingest_context)
  AND model IN (SELECT model FROM accepted);

INSERT INTO model_modalities
SELECT model, direction, modality, note, (SELECT origin FROM ingest_context),
       coalesce(_ref, 'line ' || _line), $batch_id
FROM accepted;
