-- The as-of date a quarter's figures are compared with: the last day of the month three months
-- before (2026-09-30 -> 2026-06-30, 2026-03-31 -> 2025-12-31). The one definition the views of
-- quarter-on-quarter changes read.
CREATE OR REPLACE TEMP MACRO quarter_before(as_of) AS CAST(last_day(as_of - INTERVAL 3 MONTH) AS DATE);
