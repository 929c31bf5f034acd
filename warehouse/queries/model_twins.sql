-- Groups of canonical models whose ids differ only in what does not tell weights apart: a date
-- stamp (-2025-11-13, -20241022, -0905), a 'p' for a version's dot (k2p5), a -beta, -instruct,
-- -chat, -latest or -preview tag, a -v0.1 version tag, an 'open-' prefix. Each group is a
-- candidate for one id (warehouse/identity/aliases/common.csv, relation 'same') or a set of
-- distinct snapshots or of base and instruct weights that must stay apart: a person decides. One
-- row per group: the key, the number of models, and each model with its creator and release date.
WITH keyed AS (
    SELECT model, creator, release_date,
           regexp_replace(regexp_replace(regexp_replace(regexp_replace(
               model,
               '^open-', ''),
               '([0-9])p([0-9])', '\1.\2', 'g'),
               '-(20[0-9]{2}-[0-9]{2}-[0-9]{2}|20[0-9]{6}|[0-9]{2}-20[0-9]{2}|[0-9]{4}|beta|instruct|chat|latest|preview)(-|$)',
               '\2', 'g'),
               '-v[0-9]+(\.[0-9]+)*$', '') AS key
    FROM models
)
SELECT key, count(*) AS models,
       string_agg(model || ' (' || creator || ', ' || coalesce(CAST(release_date AS VARCHAR), 'no date') || ')', '; '
                  ORDER BY release_date, model) AS members
FROM keyed
GROUP BY key
HAVING count(*) > 1
ORDER BY key
