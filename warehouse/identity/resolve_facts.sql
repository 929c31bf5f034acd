-- Fact rows (prices, scores, usage, runs, assessments, lifecycles) to canonical model variants. An
-- adapter that matched names itself (a source with its own match rules) gives `model` directly, or
-- the `candidates` (comma-separated) of a name its rules match several models with, which is then
-- ambiguous: listed, not loaded for any of them. Otherwise the curated alias table decides first;
-- else a name whose normalised form is a canonical model (in the warehouse or in this batch's
-- catalogue rows) is that model; else it is unresolved, and its rows are listed in
-- name_resolutions rather than loaded.
CREATE OR REPLACE TEMP TABLE resolved_facts AS
WITH named AS (
    SELECT p.*,
           CASE WHEN a.raw_name IS NOT NULL THEN a.model ELSE c.model END AS alias_model,
           CASE WHEN a.raw_name IS NOT NULL THEN a.effort ELSE c.effort END AS alias_effort,
           CASE WHEN a.raw_name IS NOT NULL THEN a.relation ELSE c.relation END AS relation,
           canonical_slug(p.raw_name) AS slug
    FROM part p
    LEFT JOIN source_aliases a ON a.raw_name = p.raw_name
    LEFT JOIN common_aliases c ON c.slug = canonical_slug(p.raw_name)
)
SELECT named.* EXCLUDE (model, effort),
       CASE WHEN named.candidates IS NOT NULL THEN NULL
            WHEN named.model IS NOT NULL THEN named.model
            WHEN alias_model IN (SELECT model FROM known_models) THEN alias_model
            WHEN alias_model IS NULL AND slug IN (SELECT model FROM known_models) THEN slug
       END AS model,
       coalesce(nullif(alias_effort, ''), named.effort, 'default') AS effort,
       CASE WHEN named.candidates IS NOT NULL THEN 'ambiguous'
            WHEN named.model IS NOT NULL THEN 'match-rule'
            WHEN alias_model IN (SELECT model FROM known_models) THEN 'alias'
            WHEN alias_model IS NOT NULL THEN 'alias-to-unknown-model'
            WHEN slug IN (SELECT model FROM known_models) THEN 'exact'
            ELSE 'unresolved' END AS resolved_by
FROM named;

-- Rows an adapter marks as one offer (`_dedupe`, e.g. the prices of one provider) say the same
-- thing twice when two of their names resolve to one model ('o3' and 'o3-2025-04-16'): the rows
-- of the most direct name are kept (a match rule or the model's own id, then a spelling of it,
-- then a moving alias), the others are listed as 'duplicate' and not loaded.
CREATE OR REPLACE TEMP TABLE resolved_facts AS
SELECT * REPLACE (CASE WHEN kept_name IS NOT NULL AND raw_name IS DISTINCT FROM kept_name THEN 'duplicate'
                       ELSE resolved_by END AS resolved_by)
FROM (
    SELECT *,
           CASE WHEN _dedupe IS NOT NULL AND model IS NOT NULL THEN
               first_value(raw_name) OVER (
                   PARTITION BY _dedupe, model
                   ORDER BY CASE WHEN resolved_by IN ('match-rule', 'exact') THEN 0
                                 WHEN relation = 'same' THEN 1 ELSE 2 END,
                            length(raw_name), raw_name)
           END AS kept_name
    FROM resolved_facts
);

CREATE OR REPLACE TEMP TABLE part_resolved AS
SELECT * EXCLUDE (raw_name, alias_model, alias_effort, relation, slug, resolved_by, scope, _dedupe, kept_name,
                  candidates)
FROM resolved_facts
WHERE model IS NOT NULL AND resolved_by <> 'duplicate';

CREATE OR REPLACE TEMP VIEW part_resolutions AS
SELECT scope, raw_name, model, CASE WHEN model IS NULL THEN NULL ELSE effort END AS effort,
       resolved_by, count(*) AS rows, CAST(NULL AS DATE) AS release_date,
       candidates
FROM resolved_facts
GROUP BY ALL;
