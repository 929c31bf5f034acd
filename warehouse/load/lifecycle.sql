-- Load accepted lifecycle records (providers and endpoints are registered by endpoints.sql). Each
-- replaces the record of the same model and provider from the same origin: a corrected house
-- record supersedes the house's earlier one (which earlier snapshots still show); a source's new
-- read has already removed what its earlier batches loaded.
DELETE FROM model_lifecycles
WHERE origin = (SELECT origin FROM ingest_context)
  AND EXISTS (SELECT 1 FROM accepted a
              WHERE a.model = model_lifecycles.model AND a.provider = model_lifecycles.provider);

INSERT INTO model_lifecycles
SELECT model, provider, deprecated_on, shutdown_on, replacement, source, date_basis, note,
       (SELECT origin FROM ingest_context), $batch_id
FROM accepted;
