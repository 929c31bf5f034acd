-- Load accepted statements of where a provider serves a model. An origin states a model's regions at
-- a provider whole: its rows for a model and provider replace the rows it loaded for them before (a
-- source's new read has already removed what its earlier batches loaded), so a corrected house
-- statement supersedes the house's earlier one.
DELETE FROM served_regions
WHERE origin = (SELECT origin FROM ingest_context)
  AND EXISTS (SELECT 1 FROM accepted a WHERE a.model = served_regions.model AND a.provider = served_regions.provider);

INSERT INTO served_regions
SELECT model, provider, region, geography, note, (SELECT origin FROM ingest_context),
       coalesce(_ref, 'line ' || _line), $batch_id
FROM accepted;
