-- For each intelligence tier (an index of at least 40, 55, 70 and 85): the cheapest variant to run
-- the index on $as_of among those that reach it, how many reach it, and how many times dearer the
-- dearest of them is.
WITH tiers(tier) AS (VALUES (40), (55), (70), (85)),
priced AS (
    SELECT i.model, i.effort, m.display_name, i."index", c.total_usd, c.cost_per_task
    FROM intelligence_index i
    JOIN cost_to_run c USING (index_id, version, model, effort, as_of)
    JOIN models m USING (model)
    WHERE i.index_id = 'intelligence' AND i.version = $version AND i.complete
      AND c.as_of = $as_of AND c.total_usd IS NOT NULL
)
SELECT t.tier,
       arg_min(p.display_name, p.total_usd) AS display_name,
       arg_min(p.model, p.total_usd) AS model,
       arg_min(p.effort, p.total_usd) AS effort,
       arg_min(p."index", p.total_usd) AS "index",
       min(p.total_usd) AS total_usd,
       max(p.total_usd) / min(p.total_usd) AS spread,
       count(*) AS variants
FROM tiers t
JOIN priced p ON p."index" >= t.tier
GROUP BY t.tier
ORDER BY t.tier
