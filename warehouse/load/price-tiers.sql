-- Load accepted price tiers as given: they are provenance, read by no price view (a new read of a
-- source has already removed what its earlier batches loaded).
INSERT INTO price_tiers
SELECT model, provider, token_type, tier, usd_per_mtok, valid_from, valid_to, detail, source, date_basis,
       (SELECT origin FROM ingest_context), $batch_id
FROM accepted;
