-- Fact rows (prices, scores, usage, runs, assessments, lifecycles) to canonical model variants. An
-- adapter that matched names itself (a source with its own match rules) gives `model` directly, or
-- the `candidates` (comma-separated) of a name its rules match several models with, which is then
-- ambiguous: listed, not loaded for any of them. Otherwise the curated alias table decides first;
-- else a name whose normalised form is a canonical model (in the warehouse or in this batch's
-- catalogue rows) is that model; else it is unresolved, and its rows are listed in
-- name_resolutions rather than loaded.
-- A moving alias (relation 'alias-of') without a dated history resolves to the one snapshot its
-- alias file names, as 'moving alias' (`benchhouse check aliases` lists them); one with a dated
-- history (alias_history.csv) resolves by the fact's days (_from up to
-- _to, exclusive; warehouse/identity/__init__.py: FACT_DAYS): one row for each snapshot the alias
-- pointed to in that time, its days cut to that snapshot's; an undated price (the source's current
-- one) goes to the alias's current snapshot alone, from the day it took the alias; a fact on days
-- the history names no snapshot for (wholly, or the days before the history begins) is 'alias
-- outside its history', listed and not loaded. A catalogue's record (date_basis 'recorded': the
-- day the catalogue wrote it down, carried until it wrote a change) is evidence for the snapshot
-- the alias named that day only: a catalogue that has not recorded anything since the alias moved
-- has said nothing of the new snapshot, so the record's days after the move are 'alias moved
-- after the record', listed and not loaded (a record made on a day the history names no snapshot
-- for is 'alias outside its history', whole).
CREATE OR REPLACE TEMP TABLE part AS
SELECT * REPLACE (CAST(_from AS DATE) AS _from, CAST(_to AS DATE) AS _to) FROM part;

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
SELECT named.* EXCLUDE (model, effort), named.effort AS raw_effort,
       CASE WHEN named.candidates IS NOT NULL THEN NULL
            WHEN named.model IS NOT NULL THEN named.model
            WHEN alias_model IN (SELECT model FROM known_models) THEN alias_model
            WHEN alias_model IS NULL AND slug IN (SELECT model FROM known_models) THEN slug
       END AS model,
       coalesce(nullif(alias_effort, ''), named.effort, 'default') AS effort,
       CASE WHEN named.candidates IS NOT NULL THEN 'ambiguous'
            WHEN named.model IS NOT NULL THEN 'match-rule'
            WHEN alias_model IN (SELECT model FROM known_models) THEN
                CASE WHEN relation = 'alias-of' THEN 'moving alias' ELSE 'alias' END
            WHEN alias_model IS NOT NULL THEN 'alias-to-unknown-model'
            WHEN slug IN (SELECT model FROM known_models) THEN 'exact'
            ELSE 'unresolved' END AS resolved_by
FROM named;

CREATE OR REPLACE TEMP TABLE resolved_facts AS
WITH flagged AS (
    SELECT *, relation = 'alias-of' AND resolved_by IN ('moving alias', 'alias-to-unknown-model')
                  AND slug IN (SELECT alias FROM alias_history) AS moving
    FROM resolved_facts
)
SELECT f.* REPLACE (
           CASE WHEN NOT f.moving THEN f.model WHEN h.model IN (SELECT model FROM known_models) THEN h.model END AS model,
           CASE WHEN NOT f.moving THEN f.effort ELSE coalesce(nullif(h.effort, ''), f.raw_effort, 'default') END AS effort,
           CASE WHEN NOT f.moving THEN f.resolved_by
                WHEN h.alias IS NULL THEN 'alias outside its history'
                WHEN h.model IN (SELECT model FROM known_models) THEN 'alias by date'
                ELSE 'alias-to-unknown-model' END AS resolved_by,
           CASE WHEN f.moving AND h.alias IS NOT NULL THEN greatest(f._from, h.valid_from) ELSE f._from END AS _from,
           CASE WHEN f.moving AND h.alias IS NOT NULL AND (f._to IS NULL OR h.valid_to < f._to) THEN h.valid_to
                ELSE f._to END AS _to)
FROM flagged f
LEFT JOIN alias_history h
       ON f.moving AND h.alias = f.slug
      AND CASE WHEN f._from IS NULL OR f._undated THEN h.valid_to IS NULL
               WHEN f._recorded THEN f._from >= h.valid_from AND f._from < coalesce(h.valid_to, DATE 'infinity')
               ELSE f._from < coalesce(h.valid_to, DATE 'infinity') AND coalesce(f._to, DATE 'infinity') > h.valid_from
          END
UNION ALL BY NAME  -- the days of a dated fact before its alias's history begins: listed, not loaded
SELECT f.* REPLACE (CAST(NULL AS VARCHAR) AS model, 'alias outside its history' AS resolved_by,
                    least(coalesce(f._to, DATE 'infinity'), s.valid_from) AS _to)
FROM flagged f
JOIN (SELECT alias, min(valid_from) AS valid_from FROM alias_history GROUP BY alias) s ON f.moving AND s.alias = f.slug
WHERE NOT f._undated AND NOT f._recorded AND f._from < s.valid_from AND coalesce(f._to, DATE 'infinity') > s.valid_from
UNION ALL BY NAME  -- a catalogue's record on the days after its alias moved on: listed, not loaded
SELECT f.* REPLACE (CAST(NULL AS VARCHAR) AS model, 'alias moved after the record' AS resolved_by, h.valid_to AS _from)
FROM flagged f
JOIN alias_history h
  ON f.moving AND f._recorded AND NOT f._undated AND h.alias = f.slug
 AND f._from >= h.valid_from AND f._from < h.valid_to AND coalesce(f._to, DATE 'infinity') > h.valid_to;

-- Rows an adapter marks as one offer (`_dedupe`, e.g. the prices of one provider) say the same
-- thing twice when two of their names resolve to one model ('o3' and 'o3-2025-04-16'): the rows
-- of the most direct name are kept (a match rule or the model's own id, then a spelling of it,
-- then a moving alias), the others are listed as 'duplicate' and not loaded. A moving alias
-- resolved by date still speaks for its snapshot on the days before the kept name's first record
-- (a catalogue listed 'gemini-1.5-flash' months before it listed 'gemini-1.5-flash-001') and after
-- its last: the rows of the most direct such alias are kept for those days, cut at that first
-- record and from that last one's end (a row spanning both gives one row for each side).
CREATE OR REPLACE TEMP TABLE resolved_facts AS
WITH ranked AS (
    SELECT *,
           CASE WHEN _dedupe IS NOT NULL AND model IS NOT NULL THEN
               first_value(raw_name) OVER (
                   PARTITION BY _dedupe, model
                   ORDER BY CASE WHEN resolved_by IN ('match-rule', 'exact') THEN 0
                                 WHEN relation = 'same' THEN 1 ELSE 2 END,
                            length(raw_name), raw_name)
           END AS kept_name,
           CASE WHEN _dedupe IS NOT NULL AND model IS NOT NULL AND resolved_by = 'alias by date' THEN
               first_value(raw_name) OVER (PARTITION BY _dedupe, model, resolved_by ORDER BY length(raw_name), raw_name)
           END AS dated_name
    FROM resolved_facts
),
firsts AS (
    SELECT *, min(CASE WHEN raw_name = kept_name THEN _from END) OVER (PARTITION BY _dedupe, model) AS kept_from,
           max(CASE WHEN raw_name = kept_name THEN coalesce(_to, DATE 'infinity') END)
               OVER (PARTITION BY _dedupe, model) AS kept_to
    FROM ranked
),
around AS (  -- a dated alias's row on days before the kept name's first record, or after its last
    SELECT *, coalesce(raw_name <> kept_name AND raw_name = dated_name AND _from < kept_from, false) AS before_kept,
              coalesce(raw_name <> kept_name AND raw_name = dated_name AND coalesce(_to, DATE 'infinity') > kept_to,
                       false) AS after_kept
    FROM firsts
)
SELECT * EXCLUDE (kept_from, kept_to, before_kept, after_kept, dated_name)
         REPLACE (CASE WHEN kept_name IS NOT NULL AND raw_name IS DISTINCT FROM kept_name THEN 'duplicate'
                       ELSE resolved_by END AS resolved_by)
FROM around WHERE NOT before_kept AND NOT after_kept
UNION ALL BY NAME  -- the days before the kept name's first record
SELECT * EXCLUDE (kept_from, kept_to, before_kept, after_kept, dated_name)
         REPLACE (CASE WHEN _to IS NULL OR _to > kept_from THEN kept_from ELSE _to END AS _to)
FROM around WHERE before_kept
UNION ALL BY NAME  -- the days after its last
SELECT * EXCLUDE (kept_from, kept_to, before_kept, after_kept, dated_name)
         REPLACE (greatest(_from, kept_to) AS _from)
FROM around WHERE after_kept;

CREATE OR REPLACE TEMP TABLE part_resolved AS
SELECT * EXCLUDE (raw_name, alias_model, alias_effort, relation, slug, resolved_by, scope, _dedupe, kept_name,
                  candidates, raw_effort, moving, _undated, _recorded)
FROM resolved_facts
WHERE model IS NOT NULL AND resolved_by <> 'duplicate';

CREATE OR REPLACE TEMP VIEW part_resolutions AS
SELECT scope, raw_name, model, CASE WHEN model IS NULL THEN NULL ELSE effort END AS effort,
       resolved_by, count(*) AS rows, CAST(NULL AS DATE) AS release_date,
       candidates
FROM resolved_facts
GROUP BY ALL;
