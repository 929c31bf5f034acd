-- One row per as-of date, model and provider selling both its input and its output tokens that day
-- (price_as_of; a zero price is a free preview, not a price, as in model_price_as_of): the two
-- prices and the blended price, (3 x input + output) / 4 per million tokens as blended_price blends
-- a model's. provider_frontier and serverless_options read their prices here.
CREATE OR REPLACE VIEW provider_prices AS
SELECT as_of, model, provider,
       max(usd_per_mtok) FILTER (WHERE token_type = 'input') AS input_usd_per_mtok,
       max(usd_per_mtok) FILTER (WHERE token_type = 'output') AS output_usd_per_mtok,
       blended_usd_per_mtok(max(usd_per_mtok) FILTER (WHERE token_type = 'input'),
                            max(usd_per_mtok) FILTER (WHERE token_type = 'output')) AS blended_usd_per_mtok
FROM price_as_of
WHERE token_type IN ('input', 'output') AND usd_per_mtok > 0
GROUP BY as_of, model, provider
HAVING count(*) = 2;
COMMENT ON VIEW provider_prices IS 'Per as_of, model, provider priced for input and output that day (above zero): input_usd_per_mtok, output_usd_per_mtok, blended_usd_per_mtok (3:1).';
