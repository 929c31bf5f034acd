-- One row per as-of date, model, provider and token type: the price valid on that date. A price
-- is valid from valid_from up to (not including) valid_to, and never before the model's release.
-- Where several origins price the same token that day, the most trusted wins (price_origins).
CREATE OR REPLACE VIEW price_as_of AS
SELECT c.as_of, p.model, p.provider, p.token_type,
       arg_min(p.usd_per_mtok, (coalesce(o.precedence, 99), coalesce(p.origin, 'house'))) AS usd_per_mtok,
       arg_min(coalesce(p.origin, 'house'), (coalesce(o.precedence, 99), coalesce(p.origin, 'house'))) AS origin,
       arg_min(p.date_basis, (coalesce(o.precedence, 99), coalesce(p.origin, 'house'))) AS date_basis
FROM calendar c
JOIN prices p ON c.as_of >= p.valid_from AND (p.valid_to IS NULL OR c.as_of < p.valid_to)
JOIN models m ON m.model = p.model
LEFT JOIN price_origins o ON o.origin = coalesce(p.origin, 'house')
WHERE m.release_date IS NULL OR c.as_of >= m.release_date
GROUP BY c.as_of, p.model, p.provider, p.token_type;
COMMENT ON VIEW price_as_of IS 'Per as_of, model, provider, token_type: usd_per_mtok valid that day, its origin and date_basis (most trusted origin first).';
