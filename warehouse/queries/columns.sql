-- One row per column of the table or view $name, in order, with its type and comment.
SELECT column_name AS name, data_type AS type, comment
FROM duckdb_columns()
WHERE database_name = 'bh' AND schema_name = 'main' AND table_name = $name
ORDER BY column_index
