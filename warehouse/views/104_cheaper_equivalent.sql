-- One row per intelligence index version, as-of date and priced variant: the cheapest other variant
-- whose index interval does not lie wholly below this one's (it scores higher when its interval lies
-- wholly above, and cannot be told apart from it otherwise) and that costs less to run that day, if
-- any, and what moving to it saves. Both sides read one computation of intelligence_cost (MATERIALIZED):
-- computed twice, a variant's cost could differ from itself in its last bits and make it its own
-- cheaper equivalent (warehouse/views/105_cheaper_candidates.sql).
CREATE OR REPLACE VIEW cheaper_equivalent AS
WITH priced AS MATERIALIZED (
    SELECT * FROM intelligence_cost WHERE total_usd IS NOT NULL
)
SELECT a.index_id, a.version, a.as_of, a.model, a.effort, a.display_name, a."index", a.ci_low, a.ci_high,
       a.total_usd,
       b.model AS alternative_model, b.effort AS alternative_effort, b.display_name AS alternative_name,
       b."index" AS alternative_index, b.ci_low AS alternative_ci_low, b.ci_high AS alternative_ci_high,
       b.total_usd AS alternative_usd,
       a.total_usd - b.total_usd AS saving_usd,
       1 - b.total_usd / a.total_usd AS saving_share
FROM priced a
LEFT JOIN priced b
       ON b.index_id = a.index_id AND b.version = a.version AND b.as_of = a.as_of
      AND b.ci_high >= a.ci_low AND b.total_usd < a.total_usd
      AND NOT (b.model = a.model AND b.effort = a.effort)
QUALIFY row_number() OVER (PARTITION BY a.index_id, a.version, a.as_of, a.model, a.effort
                           ORDER BY b.total_usd NULLS LAST, b."index" DESC, b.model, b.effort) = 1;
COMMENT ON VIEW cheaper_equivalent IS 'Per index_id, version, as_of and priced variant (model, effort, display_name, index, ci_low, ci_high, total_usd): the cheapest other variant not statistically less intelligent (its ci_high >= this ci_low) that costs less (alternative_model, alternative_effort, alternative_name, alternative_index, alternative_ci_low, alternative_ci_high, alternative_usd; NULL when none), saving_usd and saving_share (of this variant''s cost).';
