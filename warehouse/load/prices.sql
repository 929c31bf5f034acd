-- Load accepted prices (providers and endpoints are registered by endpoints.sql): an open price in
-- the warehouse is closed where the next later price begins; each new price is stored with the end
-- its period really has (see prices_macros.sql).
CREATE OR REPLACE TEMP TABLE new_periods AS
SELECT * FROM price_periods('accepted');

UPDATE prices AS p
SET valid_to = n.ends
FROM new_periods n
WHERE n._row IS NULL AND p.valid_to IS NULL AND n.ends <> DATE 'infinity'
  AND coalesce(p.origin, 'house') = (SELECT origin FROM ingest_context)
  AND p.model = n.model AND p.provider = n.provider AND p.token_type = n.token_type
  AND p.valid_from = n.valid_from;

INSERT INTO prices
SELECT a.model, a.provider, a.token_type, a.usd_per_mtok, a.valid_from,
       CASE WHEN n.ends = DATE 'infinity' THEN NULL ELSE n.ends END, a.source, $batch_id,
       (SELECT origin FROM ingest_context), a.date_basis
FROM accepted a
JOIN new_periods n USING (_row);
