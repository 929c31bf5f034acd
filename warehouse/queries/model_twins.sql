-- Groups of canonical models whose ids differ only in what does not tell weights apart: a date
-- stamp (-2025-11-13, -20241022, -0905), a 'p' for a version's dot (k2p5), a -beta, -instruct,
-- -chat, -latest or -preview tag, a -v0.1 version tag, an 'open-' prefix. And ids that carry the
-- same date stamp in one family, whatever their version number, size and base, instruct or chat
-- tag: an API id and its weights' name ('mistral-large-2512', 'mistral-large-3-675b-instruct-2512',
-- keyed 'mistral-large@2512'). Each group is a candidate for one id
-- (warehouse/identity/aliases/common.csv, relation 'same') or a set of distinct snapshots, sizes or
-- of base and instruct weights that must stay apart: a person decides. One row per group: the key,
-- the number of models, and each model with its creator and release date.
WITH tagged AS (
    SELECT model, creator, release_date,
           regexp_extract(model, '-(20[0-9]{2}-[0-9]{2}-[0-9]{2}|20[0-9]{6}|2[3-9](0[1-9]|1[0-2]))$', 1) AS stamp
    FROM models
),
keyed AS (
    SELECT model, creator, release_date,
           regexp_replace(regexp_replace(regexp_replace(regexp_replace(
               model,
               '^open-', ''),
               '([0-9])p([0-9])', '\1.\2', 'g'),
               '-(20[0-9]{2}-[0-9]{2}-[0-9]{2}|20[0-9]{6}|[0-9]{2}-20[0-9]{2}|[0-9]{4}|beta|instruct|chat|latest|preview)(-|$)',
               '\2', 'g'),
               '-v[0-9]+(\.[0-9]+)*$', '') AS key
    FROM tagged
    UNION  -- the same stamp in one family: version, size (675b, a22b) and base/instruct/chat tags left out
    SELECT model, creator, release_date,
           regexp_replace(array_to_string(list_filter(
               string_split(left(model, length(model) - length(stamp) - 1), '-'),
               part -> NOT regexp_full_match(part, 'a?[0-9]+(\.[0-9]+)?[bm]|base|instruct|chat|it')), '-'),
               '(-[0-9]+(\.[0-9]+)?)+$', '') || '@' || stamp AS key
    FROM tagged
    WHERE stamp <> ''
)
SELECT key, count(*) AS models,
       string_agg(model || ' (' || creator || ', ' || coalesce(CAST(release_date AS VARCHAR), 'no date') || ')', '; '
                  ORDER BY release_date, model) AS members
FROM keyed
GROUP BY key
HAVING count(*) > 1
ORDER BY key
