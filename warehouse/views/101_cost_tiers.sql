-- One row per intelligence index version, as-of date and tier (intelligence_tiers, the report
-- policy's levels on that version's scale) that at least one priced variant reaches: the cheapest
-- variant to run the index among those whose index is at or above the tier, how many reach it, and
-- how many times dearer the dearest of them is.
CREATE OR REPLACE VIEW cost_tiers AS
SELECT t.index_id, t.version, c.as_of, t.tier,
       arg_min(c.display_name, (c.total_usd, c.model, c.effort)) AS display_name,
       arg_min(c.model, (c.total_usd, c.model, c.effort)) AS model,
       arg_min(c.effort, (c.total_usd, c.model, c.effort)) AS effort,
       arg_min(c."index", (c.total_usd, c.model, c.effort)) AS "index",
       min(c.total_usd) AS total_usd,
       max(c.total_usd) / min(c.total_usd) AS spread,
       count(*) AS variants
FROM intelligence_tiers t
JOIN intelligence_cost c
  ON c.index_id = t.index_id AND c.version = t.version AND c."index" >= t.tier AND c.total_usd IS NOT NULL
GROUP BY t.index_id, t.version, c.as_of, t.tier;
COMMENT ON VIEW cost_tiers IS 'Per index_id, version, as_of, tier: the cheapest variant reaching the tier (display_name, model, effort, index, total_usd), spread (dearest / cheapest cost to run among them) and variants reaching it.';
