-- One row per model: the name reports print, unique among models. A display name two models share
-- (a base and an instruct release, two snapshots of one API name) gets the month of release where
-- that tells them apart, else what tells its id apart: the rest of the id after the longest prefix it
-- shares with another id of the name, cut at a separator ('DeepSeek-V3 (base)' beside 'DeepSeek-V3',
-- 'Grok 4.1 Fast (reasoning)'); the whole id where it shares none. No two models read the same in a
-- chart or a table.
CREATE OR REPLACE VIEW model_names AS
WITH shown AS (  -- a display name as a reseller's catalogue gives it ('deepinfra/Qwen3-Next-80B-A3B-Instruct')
                -- without the reseller's slug in front
    SELECT model, release_date, regexp_replace(display_name, '^[a-z0-9_.-]+/', '') AS display_name
    FROM models
),
counted AS (
    SELECT model, display_name, release_date,
           count(*) OVER (PARTITION BY display_name) AS same_name,
           count(*) OVER (PARTITION BY display_name, date_trunc('month', release_date)) AS same_month
    FROM shown
),
pairs AS (  -- each id against each other id of its display name: the length of the prefix they share
    SELECT a.model, b.model AS other,
           (SELECT max(i) FROM range(0, least(length(a.model), length(b.model)) + 1) r(i)
             WHERE a.model[1:i] = b.model[1:i]) AS shared
    FROM counted a
    JOIN counted b ON b.display_name = a.display_name AND b.model <> a.model
),
siblings AS (  -- the longest of those prefixes that ends where a part of both ids ends (at '-' or '_', or
               -- the end): 'claude-instant-' of claude-instant-1.1 and claude-instant-1, not 'claude-instant-1.'
    SELECT model, max(CASE WHEN (length(model) = shared OR model[shared + 1] IN ('-', '_'))
                            AND (length(other) = shared OR other[shared + 1] IN ('-', '_')) THEN shared
                           ELSE length(regexp_replace(model[1:shared], '[^-_]*$', '')) END) AS shared
    FROM pairs
    GROUP BY model
),
told_apart AS (  -- the rest of the id after that prefix
    SELECT c.*, ltrim(c.model[s.shared + 1:], '-_') AS own
    FROM counted c
    LEFT JOIN siblings s USING (model)
),
first_try AS (
    SELECT model, display_name, same_name,
           CASE WHEN same_name = 1 THEN display_name
                WHEN release_date IS NOT NULL AND same_month = 1
                    THEN display_name || ' (' || strftime(release_date, '%b %Y') || ')'
                WHEN own = '' THEN display_name
                ELSE display_name || ' (' || own || ')'
           END AS name
    FROM told_apart
)
SELECT model,  -- a name two models reach (a model's own display name excepted) is settled by the id
       CASE WHEN count(*) OVER (PARTITION BY name) > 1 AND (name <> display_name OR same_name > 1)
            THEN display_name || ' (' || model || ')'
            ELSE name END AS name
FROM first_try;
COMMENT ON VIEW model_names IS 'Per model: name (the display name, with its release month, or what tells its id apart from the others of that name, where models share a display name: unique among models).';
