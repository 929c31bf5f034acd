-- The column the public catalog's batches gained (warehouse/schema/025_batch_attribution.sql), so
-- that one statement (warehouse/load/batch.sql) records a batch in either catalog.

ALTER TABLE ingest_batches ADD COLUMN attribution VARCHAR;
COMMENT ON COLUMN ingest_batches.attribution IS 'Unused for the client''s files.';
