-- Fact rows (prices, scores, usage, runs, assessments) to canonical model variants. The curated
-- alias table decides first; else a name whose normalised form is a canonical model (in the
-- warehouse or in this batch's catalogue rows) is that model; else it is unresolved, and its
-- rows are listed in name_resolutions rather than loaded. An adapter that matched names itself
-- (a source with its own match rules) gives `model` directly.
CREATE OR REPLACE TEMP TABLE resolved_facts AS
WITH named AS (
    SELECT p.*, a.model AS alias_model, a.effort AS alias_effort, a.relation,
           canonical_slug(p.raw_name) AS slug
    FROM part p
    LEFT JOIN source_aliases a ON a.raw_name = p.raw_name
)
SELECT named.* EXCLUDE (model, effort),
       CASE WHEN named.model IS NOT NULL THEN named.model
            WHEN alias_model IN (SELECT model FROM known_models) THEN alias_model
            WHEN alias_model IS NULL AND slug IN (SELECT model FROM known_models) THEN slug
       END AS model,
       coalesce(nullif(alias_effort, ''), named.effort, 'default') AS effort,
       CASE WHEN named.model IS NOT NULL THEN 'match-rule'
            WHEN alias_model IN (SELECT model FROM known_models) THEN 'alias'
            WHEN alias_model IS NOT NULL THEN 'alias-to-unknown-model'
            WHEN slug IN (SELECT model FROM known_models) THEN 'exact'
            ELSE 'unresolved' END AS resolved_by
FROM named;

CREATE OR REPLACE TEMP TABLE part_resolved AS
SELECT * EXCLUDE (raw_name, alias_model, alias_effort, relation, slug, resolved_by, scope)
FROM resolved_facts
WHERE model IS NOT NULL;

CREATE OR REPLACE TEMP VIEW part_resolutions AS
SELECT scope, raw_name, model, CASE WHEN model IS NULL THEN NULL ELSE effort END AS effort,
       resolved_by, count(*) AS rows
FROM resolved_facts
GROUP BY ALL;
