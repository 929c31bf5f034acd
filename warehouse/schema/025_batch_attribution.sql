-- The attribution a source's licence asks for, recorded with each batch read from it, so that a
-- report's appendix reads it from the warehouse (view sources_used) and the read side needs none of
-- the source adapters. Batches loaded before this file have none: `benchhouse ingest source` reads
-- each source again (the code that records a batch changed), which records it.

ALTER TABLE ingest_batches ADD COLUMN attribution VARCHAR;
COMMENT ON COLUMN ingest_batches.attribution IS 'The attribution the source''s licence asks for, as reports print it; NULL for the house''s own files.';
