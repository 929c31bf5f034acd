-- One row per intelligence index version with a report policy, as-of date and model with a score in
-- the openness version the policy names: whether the openness report shows it by default, and why.
-- Shown: a language model (model_modality: it reads and generates text, as a source states or its
-- scores on the house's text evaluations show) released within the policy's recent months before
-- the as-of date (and by it) that has a price valid that day, or open weights from one of the
-- policy's known creators, and that its creator has not retired by that day (model_buyable: a
-- list of the models a buyer would consider holds none that can no longer be bought). The others
-- (image, video, speech and music models, models no source shows to generate text, older models,
-- retired ones, research models of unknown makers) are listed in the report's appendix, the only
-- page that names them.
CREATE OR REPLACE VIEW openness_default_set AS
WITH priced AS (
    SELECT DISTINCT as_of, model FROM model_price_as_of WHERE token_type IN ('input', 'output')
)
SELECT o.index_id, o.version, o.as_of, o.model,
       coalesce(mm.language_model, false)
           AND o.release_date IS NOT NULL AND o.release_date <= o.as_of
           AND o.release_date > o.as_of - to_months(p.openness_recent_months)
           AND (pr.model IS NOT NULL OR (coalesce(o.open_weights, false) AND k.creator IS NOT NULL))
           AND coalesce(b.buyable, true) AS shown,
       CASE WHEN NOT mm.language_model THEN 'not a language model (' || mm.other_modality || ')'
            WHEN o.release_date IS NULL THEN 'release date unknown'
            WHEN o.release_date > o.as_of THEN 'not released by the as-of date'
            WHEN o.release_date <= o.as_of - to_months(p.openness_recent_months)
                THEN 'released more than ' || p.openness_recent_months || ' months before'
            WHEN mm.language_model IS NULL THEN 'modality unknown: no source states it'
            WHEN NOT coalesce(b.buyable, true) THEN b.why
            WHEN pr.model IS NOT NULL THEN 'sold through an API'
            WHEN coalesce(o.open_weights, false) AND k.creator IS NOT NULL THEN 'open weights from a known creator'
            ELSE 'no price and not open weights from a known creator'
       END AS why
FROM openness_by_model o
JOIN report_policies p USING (index_id, version)
JOIN model_modality mm ON mm.model = o.model
LEFT JOIN priced pr ON pr.model = o.model AND pr.as_of = o.as_of
LEFT JOIN openness_known_creators k ON k.index_id = o.index_id AND k.version = o.version AND k.creator = o.creator
LEFT JOIN model_buyable b ON b.model = o.model AND b.as_of = o.as_of;
COMMENT ON VIEW openness_default_set IS 'Per intelligence index_id, version (with a report policy), as_of and scored model: shown (in the openness report''s default set: a language model by model_modality, released within the policy''s recent months, with a price that day or open weights from a known creator, not retired by its creator that day: model_buyable) and why.';
