-- Run in the DuckLake catalog's own metadata database (SQLite or PostgreSQL), not through DuckLake:
-- give every live table that has never held a row the table statistics DuckLake writes at a
-- table's first insert, with the values true of an empty table (no rows, no bytes, the next row id
-- 0). DuckLake's first insert into the table then updates this row as it updates any other.
INSERT INTO ducklake_table_stats (table_id, record_count, next_row_id, file_size_bytes)
SELECT t.table_id, 0, 0, 0
FROM ducklake_table t
WHERE t.end_snapshot IS NULL
  AND NOT EXISTS (SELECT 1 FROM ducklake_table_stats s WHERE s.table_id = t.table_id)
