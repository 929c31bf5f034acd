-- Keep every rejected row of the part just loaded, with its reason (there are some only with
-- --allow-rejects: otherwise the batch was refused before its transaction began).
INSERT INTO rejected_rows
SELECT $batch_id, _row, column_name, value, reason
FROM rejects_now;
