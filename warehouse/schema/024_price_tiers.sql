-- Prices that are not the standard rate: a time-of-day rate (DeepSeek's off-peak hours), a batch,
-- flex or priority offer, a long-context tier. Each is a price kind of its own, with provenance; no
-- view reads it as a model's price (price_as_of reads the table prices, the standard rate only),
-- and `benchhouse check prices` lists them.

CREATE TABLE price_tiers (
    model VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    token_type VARCHAR NOT NULL,
    tier VARCHAR NOT NULL,
    usd_per_mtok DOUBLE NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE,
    detail VARCHAR,
    source VARCHAR NOT NULL,
    date_basis VARCHAR,
    origin VARCHAR,
    batch_id BIGINT NOT NULL
);
COMMENT ON TABLE price_tiers IS 'A price of a model at a provider that is not its standard rate: off-peak, peak, batch, flex, priority or long-context (key: model, provider, token_type, tier, detail, valid_from, origin). Never read as the model''s price.';
COMMENT ON COLUMN price_tiers.model IS 'Canonical model slug.';
COMMENT ON COLUMN price_tiers.provider IS 'Provider selling it.';
COMMENT ON COLUMN price_tiers.token_type IS 'input, cached_input, cache_write, output or reasoning.';
COMMENT ON COLUMN price_tiers.usd_per_mtok IS 'US dollars per million tokens at this tier.';
COMMENT ON COLUMN price_tiers.valid_from IS 'First day the price applies (for an undated one, 2023-01-01: the source knows it holds now, not since when).';
COMMENT ON COLUMN price_tiers.valid_to IS 'First day it no longer applies; NULL while current.';
COMMENT ON COLUMN price_tiers.source IS 'Where the price was read.';
COMMENT ON COLUMN price_tiers.batch_id IS 'Ingest batch that loaded it.';
COMMENT ON COLUMN price_tiers.tier IS 'off-peak (a time-of-day discount), peak (a time-of-day surcharge), batch, flex, priority, fast (other offers of the same model), long-context (the rate above a prompt length).';
COMMENT ON COLUMN price_tiers.detail IS 'When the tier applies, as the source states it: the hours (UTC), the prompt length above which it applies.';
COMMENT ON COLUMN price_tiers.date_basis IS 'effective, recorded or undated, as for prices.';
COMMENT ON COLUMN price_tiers.origin IS 'The source (or house) that gave it.';
