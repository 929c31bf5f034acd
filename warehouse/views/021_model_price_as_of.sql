-- One row per as-of date, model and token type: the price the house uses (docs/methodology.md, "Which
-- price"). The creator's own API when it sells both input and output tokens that day (the
-- cheapest such endpoint if there are several); otherwise the median across the providers that
-- do. price_basis says which, and adds 'date unknown' when a price behind the model's input or
-- output price that day is undated (price_as_of: the source gives no date, and nothing dated
-- precedes it); date_basis is that token type's own. Quarantined prices (price_anomalies: zero,
-- placeholder, ...) never reach here, so a model offered only free has no cost to run.
CREATE OR REPLACE VIEW model_price_as_of AS
WITH priced AS (
    SELECT pa.*, coalesce(e.first_party, false) AS first_party
    FROM price_as_of pa
    LEFT JOIN endpoints e USING (model, provider)
),
basis AS (
    SELECT as_of, model,
           bool_or(first_party AND token_type = 'input') AND bool_or(first_party AND token_type = 'output')
               AS first_party_priced
    FROM priced
    GROUP BY ALL
),
chosen AS (
    SELECT p.as_of, p.model, p.token_type, b.first_party_priced,
           CASE WHEN b.first_party_priced THEN min(p.usd_per_mtok) FILTER (WHERE p.first_party)
                ELSE median(p.usd_per_mtok) END AS usd_per_mtok,
           CASE WHEN b.first_party_priced THEN arg_min(p.date_basis, (p.usd_per_mtok, p.date_basis)) FILTER (WHERE p.first_party)
                WHEN bool_or(p.date_basis = 'undated') THEN 'undated'  -- a median: as weak as its weakest
                ELSE max(p.date_basis) END AS date_basis,
           count(DISTINCT p.provider) FILTER (WHERE p.first_party OR NOT b.first_party_priced) AS providers
    FROM priced p
    JOIN basis b USING (as_of, model)
    GROUP BY p.as_of, p.model, p.token_type, b.first_party_priced
)
SELECT as_of, model, token_type, usd_per_mtok,
       CASE WHEN first_party_priced THEN 'first-party' ELSE 'provider median' END
       || CASE WHEN bool_or(token_type IN ('input', 'output') AND date_basis = 'undated')
                    OVER (PARTITION BY as_of, model) THEN ', date unknown' ELSE '' END AS price_basis,
       date_basis, providers
FROM chosen;
COMMENT ON VIEW model_price_as_of IS 'Per as_of, model, token_type: usd_per_mtok the house uses, price_basis (first-party or provider median, with '', date unknown'' when its input or output price is undated), date_basis of this price (effective, recorded or undated), providers behind it.';
