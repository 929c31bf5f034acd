-- One row per as-of date and model with an input and an output price: the blended price per
-- million tokens, 3 input to 1 output (the ratio Artificial Analysis and Epoch AI both use).
CREATE OR REPLACE VIEW blended_price AS
SELECT as_of, model,
       blended_usd_per_mtok(max(usd_per_mtok) FILTER (WHERE token_type = 'input'),
                            max(usd_per_mtok) FILTER (WHERE token_type = 'output')) AS blended_usd_per_mtok,
       any_value(price_basis) AS price_basis
FROM model_price_as_of
WHERE token_type IN ('input', 'output')
GROUP BY as_of, model
HAVING count(*) = 2;
COMMENT ON VIEW blended_price IS 'Per as_of and model: blended_usd_per_mtok = (3 x input + output) / 4, and its price_basis.';
