-- One row per as-of date the views compute: every month end from January 2023 to the end of the
-- month of the latest ingest. It depends on the warehouse's content only, so a query pinned to a
-- snapshot gives the same rows whenever it runs.
CREATE OR REPLACE VIEW calendar AS
SELECT CAST(last_day(CAST(month AS DATE)) AS DATE) AS as_of
FROM range(TIMESTAMP '2023-01-01',
           (SELECT date_trunc('month', coalesce(max(ingested_at), TIMESTAMP '2023-01-01')) + INTERVAL 1 MONTH
            FROM ingest_batches),
           INTERVAL 1 MONTH) AS t(month);
COMMENT ON VIEW calendar IS 'One row per as-of date (column as_of): every month end from 2023-01 to the month of the latest ingest.';
