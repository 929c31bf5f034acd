-- Run in an embedded catalog's own SQLite database, not through DuckLake, in one read transaction:
-- the latest snapshot, and what decides whether the catalog's schema and views are still those a
-- writer found them (warehouse/migrate.py: checked_current): the schema version (every CREATE,
-- DROP or ALTER raises it) and the live data and delete files of schema_migrations and
-- view_definitions (every row written to them, or deleted, changes these; file ids are never
-- reused). `inlined` counts rows kept in the catalog itself for them, which no file shows: then
-- nothing is decided here.
WITH record_tables AS (
    SELECT table_id FROM ducklake_table
    WHERE table_name IN ('schema_migrations', 'view_definitions') AND end_snapshot IS NULL
), files AS (
    SELECT 'data ' || data_file_id AS file FROM ducklake_data_file
    WHERE table_id IN (SELECT table_id FROM record_tables) AND end_snapshot IS NULL
    UNION ALL
    SELECT 'delete ' || delete_file_id FROM ducklake_delete_file
    WHERE table_id IN (SELECT table_id FROM record_tables) AND end_snapshot IS NULL
)
SELECT
    (SELECT max(snapshot_id) FROM ducklake_snapshot) AS latest_snapshot,
    (SELECT schema_version FROM ducklake_snapshot ORDER BY snapshot_id DESC LIMIT 1) AS schema_version,
    (SELECT count(*) FROM record_tables) AS record_tables,
    (SELECT group_concat(file, ',') FROM (SELECT file FROM files ORDER BY file)) AS files,
    (SELECT count(*) FROM ducklake_inlined_data_tables
     WHERE table_id IN (SELECT table_id FROM record_tables)) AS inlined
