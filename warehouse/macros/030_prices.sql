-- The blended price of a model's or a provider's tokens: 3 input tokens to 1 output (the ratio
-- Artificial Analysis and Epoch AI both use), per million tokens. The one definition blended_price
-- and provider_prices read (docs/methodology.md).
CREATE OR REPLACE TEMP MACRO blended_usd_per_mtok(input_usd_per_mtok, output_usd_per_mtok) AS
(3 * input_usd_per_mtok + output_usd_per_mtok) / 4;
