-- One row per as-of date and model with an input and an output price: the price applied to each
-- of the five token types (docs/methodology.md, "Cost, tokens, turns"). Cached input and cache writes
-- take their own prices, falling back to the input price where none is published; reasoning takes
-- the reasoning price, falling back to the output price; answers take the output price. Every
-- cost view prices tokens here, so the fallbacks are written once.
CREATE OR REPLACE VIEW token_prices AS
WITH pivoted AS (
    SELECT as_of, model,
           max(usd_per_mtok) FILTER (WHERE token_type = 'input') AS input,
           max(usd_per_mtok) FILTER (WHERE token_type = 'output') AS output,
           max(usd_per_mtok) FILTER (WHERE token_type = 'cached_input') AS cached_input,
           max(usd_per_mtok) FILTER (WHERE token_type = 'cache_write') AS cache_write,
           max(usd_per_mtok) FILTER (WHERE token_type = 'reasoning') AS reasoning,
           any_value(price_basis) AS price_basis
    FROM model_price_as_of
    GROUP BY as_of, model
)
SELECT as_of, model, price_basis,
       input AS input_usd_per_mtok,
       coalesce(cached_input, input) AS cached_input_usd_per_mtok,
       coalesce(cache_write, input) AS cache_write_usd_per_mtok,
       coalesce(reasoning, output) AS reasoning_usd_per_mtok,
       output AS answer_usd_per_mtok
FROM pivoted
WHERE input IS NOT NULL AND output IS NOT NULL;
COMMENT ON VIEW token_prices IS 'Per as_of and model priced for input and output: price_basis and the USD per million tokens applied to input, cached_input, cache_write, reasoning and answer tokens (fallbacks applied).';
