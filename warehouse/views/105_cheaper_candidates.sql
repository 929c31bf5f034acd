-- One row per intelligence index version, as-of date, priced variant and every other priced variant
-- whose index interval does not lie wholly below its own and that costs less to run that day: the
-- candidates cheaper_equivalent takes the cheapest of, with what a subscriber may require of a
-- substitute (open weights, a context window, its creator, what it reads and generates, its score on
-- each category of the index, where a provider serves it: the providers that still serve it that day,
-- by geography; reports/common/sql/substitutes.sql filters them). Both sides read one computation of
-- intelligence_cost (MATERIALIZED): computed twice, a variant's cost differed from itself in its last bits
-- (DuckDB sums in parallel in no fixed order), and on several threads a variant was its own cheaper
-- candidate.
CREATE OR REPLACE VIEW cheaper_candidates AS
WITH priced AS MATERIALIZED (
    SELECT * FROM intelligence_cost WHERE total_usd IS NOT NULL
)
SELECT a.index_id, a.version, a.as_of, a.model, a.effort,
       b.model AS alternative_model, b.effort AS alternative_effort, b.display_name AS alternative_name,
       b."index" AS alternative_index, b.ci_low AS alternative_ci_low, b.ci_high AS alternative_ci_high,
       b.total_usd AS alternative_usd,
       a.total_usd - b.total_usd AS saving_usd,
       1 - b.total_usd / a.total_usd AS saving_share,
       m.open_weights AS alternative_open_weights, m.context_window AS alternative_context_window,
       m.creator AS alternative_creator, mm.input_modalities AS alternative_input_modalities,
       mm.output_modalities AS alternative_output_modalities,
       coalesce(cs.scores, MAP {}) AS alternative_category_scores,
       (SELECT list({'geography': s.geography, 'provider': s.provider, 'provider_name': s.provider_name}
                    ORDER BY s.geography, s.provider_name)
        FROM model_served_in s
        WHERE s.model = b.model AND (s.shutdown_on IS NULL OR s.shutdown_on > a.as_of)) AS alternative_served
FROM priced a
JOIN priced b
  ON b.index_id = a.index_id AND b.version = a.version AND b.as_of = a.as_of
 AND b.ci_high >= a.ci_low AND b.total_usd < a.total_usd
 AND NOT (b.model = a.model AND b.effort = a.effort)
JOIN models m ON m.model = b.model
LEFT JOIN model_modality mm ON mm.model = b.model
LEFT JOIN (  -- each wholly scored category of the index, with its score
    SELECT index_id, version, as_of, model, effort, map_from_entries(list((category, score))) AS scores
    FROM category_scores
    WHERE complete
    GROUP BY ALL
) cs ON cs.index_id = b.index_id AND cs.version = b.version AND cs.as_of = b.as_of AND cs.model = b.model
    AND cs.effort = b.effort;
COMMENT ON VIEW cheaper_candidates IS 'Per index_id, version, as_of, priced variant (model, effort) and each cheaper variant not statistically less intelligent (its ci_high >= this ci_low): alternative_model, alternative_effort, alternative_name, alternative_index, alternative_ci_low, alternative_ci_high, alternative_usd, saving_usd, saving_share, alternative_open_weights, alternative_context_window (tokens; NULL where no source states it), alternative_creator, alternative_input_modalities and alternative_output_modalities (model_modality: NULL where no source states them), alternative_category_scores (category to score, for each category wholly scored: category_scores), alternative_served (geography, provider, provider_name of each provider stated to serve it that has not stopped by as_of: model_served_in; NULL where none is stated).';
