-- The column the public catalog's batches gained (warehouse/schema/028_source_names.sql), so that one
-- statement (warehouse/load/batch.sql) records a batch in either catalog.

ALTER TABLE ingest_batches ADD COLUMN source_name VARCHAR;
COMMENT ON COLUMN ingest_batches.source_name IS 'Unused for the client''s files.';
