-- One row per as-of date, model and token type: the price the house uses (docs/methodology.md, "Which
-- price"). The creator's own API when it sells both input and output tokens that day (the
-- cheapest such endpoint if there are several); otherwise the median across the providers that
-- do. price_basis says which. A zero input or output price is a free preview, not a price: it is
-- left out (a model offered only free has no cost to run).
CREATE OR REPLACE VIEW model_price_as_of AS
WITH priced AS (
    SELECT pa.*, coalesce(e.first_party, false) AS first_party
    FROM price_as_of pa
    LEFT JOIN endpoints e USING (model, provider)
    WHERE NOT (pa.token_type IN ('input', 'output') AND pa.usd_per_mtok = 0)
),
basis AS (
    SELECT as_of, model,
           bool_or(first_party AND token_type = 'input') AND bool_or(first_party AND token_type = 'output')
               AS first_party_priced
    FROM priced
    GROUP BY ALL
)
SELECT p.as_of, p.model, p.token_type,
       CASE WHEN b.first_party_priced THEN min(p.usd_per_mtok) FILTER (WHERE p.first_party)
            ELSE median(p.usd_per_mtok) END AS usd_per_mtok,
       CASE WHEN b.first_party_priced THEN 'first-party' ELSE 'provider median' END AS price_basis,
       count(DISTINCT p.provider) FILTER (WHERE p.first_party OR NOT b.first_party_priced) AS providers
FROM priced p
JOIN basis b USING (as_of, model)
GROUP BY p.as_of, p.model, p.token_type, b.first_party_priced;
COMMENT ON VIEW model_price_as_of IS 'Per as_of, model, token_type: usd_per_mtok the house uses, price_basis (first-party or provider median), providers behind it.';
