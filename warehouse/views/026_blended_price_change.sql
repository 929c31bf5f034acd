-- One row per as-of date and model priced then and three months before (previous_as_of: for a
-- quarter's last day, the previous quarter's) whose blended price moved by more than 1%: a price cut
-- or rise of a model already sold, on the same tokens, so that no change of runs or tokens reads as
-- a change of price. Only a model that can be bought on the as-of date (model_buyable; a model on
-- sale then was on sale three months before, if priced): a retired model's price, which catalogues
-- often keep listing after the shutdown, is no price cut.
CREATE OR REPLACE VIEW blended_price_change AS
SELECT n.as_of, quarter_before(n.as_of) AS previous_as_of, n.model,
       b.blended_usd_per_mtok AS before_usd_per_mtok, n.blended_usd_per_mtok AS now_usd_per_mtok,
       n.blended_usd_per_mtok / b.blended_usd_per_mtok AS ratio, n.price_basis
FROM blended_price n
JOIN blended_price b ON b.model = n.model AND b.as_of = quarter_before(n.as_of)
JOIN model_buyable s ON s.model = n.model AND s.as_of = n.as_of AND s.buyable
WHERE abs(ln(n.blended_usd_per_mtok / b.blended_usd_per_mtok)) > 0.01;
COMMENT ON VIEW blended_price_change IS 'Per as_of and model priced and buyable (model_buyable) then and at previous_as_of (three months before) whose blended price moved more than 1%: before_usd_per_mtok, now_usd_per_mtok, ratio (now / before), price_basis.';
