"""benchhouse warehouse: schema, native formats, validation, ingest and read-only queries on DuckLake."""
