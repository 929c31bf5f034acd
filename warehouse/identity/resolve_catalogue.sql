-- Catalogue rows (a source's description of models) to canonical models. A name the curated alias
-- table knows goes where the table says; a name that is a different spelling of the same model
-- (relation 'same') lends it its facts, but a moving alias ('alias-of', e.g. gpt-4o pointing at a
-- dated version) does not: its release date and size describe another model. Any other name is
-- a canonical model in its own right, under its normalised id, if the source is one that may add
-- models (a catalogue); otherwise it is unresolved and listed. Effort is never part of a model.
-- A model whose creator the source does not give gets it from the warehouse, else from the
-- prefix of its name (creator_prefixes.csv), else 'unknown'.
CREATE OR REPLACE TEMP TABLE resolved_catalogue AS
WITH named AS (
    SELECT p.*,
           CASE WHEN a.raw_name IS NOT NULL THEN a.model ELSE c.model END AS alias_model,
           CASE WHEN a.raw_name IS NOT NULL THEN a.relation ELSE c.relation END AS relation,
           canonical_slug(p.raw_name) AS slug
    FROM part p
    LEFT JOIN source_aliases a ON a.raw_name = p.raw_name
    LEFT JOIN common_aliases c ON c.slug = canonical_slug(p.raw_name)
)
SELECT named.*,
       CASE WHEN relation = 'alias-of' THEN NULL
            WHEN alias_model IS NOT NULL THEN alias_model
            WHEN slug IN (SELECT model FROM bh.models) THEN slug
            WHEN (SELECT creates_models FROM resolution_options) THEN slug
       END AS model,
       CASE WHEN relation = 'alias-of' THEN 'alias-of'
            WHEN alias_model IS NOT NULL THEN 'alias'
            WHEN slug IN (SELECT model FROM bh.models) THEN 'exact'
            WHEN (SELECT creates_models FROM resolution_options) THEN 'catalogue'
            ELSE 'unresolved' END AS resolved_by
FROM named;

-- One row per canonical model: the first non-empty value of each field, in the source's order.
CREATE OR REPLACE TEMP TABLE part_resolved AS
SELECT model,
       coalesce(arg_min(o.creator, _row) FILTER (WHERE o.creator IS NOT NULL),
                arg_min(canonical_slug(creator_raw), _row) FILTER (WHERE creator_raw IS NOT NULL),
                (SELECT creator FROM bh.models m WHERE m.model = r.model),
                (SELECT arg_max(p.creator, length(p.prefix)) FROM creator_prefixes p
                  WHERE starts_with(r.model, p.prefix)),
                'unknown') AS creator,
       coalesce(arg_min(display_name, _row) FILTER (WHERE display_name IS NOT NULL),
                any_value(r.raw_name)) AS display_name,
       arg_min(release_date, _row) FILTER (WHERE release_date IS NOT NULL) AS release_date,
       arg_min(params_total_b, _row) FILTER (WHERE params_total_b IS NOT NULL) AS params_total_b,
       arg_min(params_active_b, _row) FILTER (WHERE params_active_b IS NOT NULL) AS params_active_b,
       arg_min(open_weights, _row) FILTER (WHERE open_weights IS NOT NULL) AS open_weights,
       arg_min(reasoning, _row) FILTER (WHERE reasoning IS NOT NULL) AS reasoning,
       arg_min(context_window, _row) FILTER (WHERE context_window IS NOT NULL) AS context_window,
       min(_ref) AS _ref
FROM resolved_catalogue r
LEFT JOIN organisations o ON o.raw_name = lower(trim(r.creator_raw))
WHERE model IS NOT NULL
GROUP BY model;

-- How each raw name resolved, with the release date its row gave (evidence for the release-date
-- check, release_date_conflicts).
CREATE OR REPLACE TEMP VIEW part_resolutions AS
SELECT scope, raw_name, model, CAST(NULL AS VARCHAR) AS effort, resolved_by, count(*) AS rows,
       min(TRY_CAST(release_date AS DATE)) AS release_date, CAST(NULL AS VARCHAR) AS candidates
FROM resolved_catalogue
GROUP BY scope, raw_name, model, resolved_by;
