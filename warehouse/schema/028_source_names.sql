-- The name a report prints for the source of a batch ("LLM-Stats leaderboard", not its command-line
-- name llm-stats-leaderboard), recorded with each batch as its attribution is, so that the read side
-- needs none of the source adapters. Batches loaded before this file have none (reports print the
-- command-line name) until the source is read again.

ALTER TABLE ingest_batches ADD COLUMN source_name VARCHAR;
COMMENT ON COLUMN ingest_batches.source_name IS 'The source''s name as reports print it; NULL for the house''s own files.';
