-- Run in an embedded catalog's own SQLite database, beside DuckLake's tables (which DuckLake never
-- reads): the code whose schema and views a writer found the catalog to have, at which state
-- (checked_state.sql). One row, replaced by the next writer that checks.
CREATE TABLE IF NOT EXISTS benchhouse_checked_code (code TEXT NOT NULL, state TEXT NOT NULL);
DELETE FROM benchhouse_checked_code;
INSERT INTO benchhouse_checked_code (code, state) VALUES (:code, :state);
