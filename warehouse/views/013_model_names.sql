-- One row per model: the name reports print, unique among models. A display name two models share
-- (a base and an instruct release, two snapshots of one API name) gets the month of release where
-- that tells them apart, else what tells its id apart: the rest of the id after the longest prefix it
-- shares with another id of the name, separators aside and cut at one ('DeepSeek-V3 (base)' beside
-- 'DeepSeek-V3', 'Grok 4.1 Fast (reasoning)', 'Llama 3.1-8B (q8-0)' for llama3.1-8b-instruct-q8-0);
-- where two still read alike, the rest after the shortest such prefix ('Llama 2-70B (chat-hf)' beside
-- 'Llama 2-70B (hf)'); the whole id where it shares none. No two models read the same in a chart or
-- a table.
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
bare AS (  -- each id without its separators
    SELECT *, regexp_replace(model, '[-_]', '', 'g') AS bare FROM counted
),
pairs AS (  -- each id against each other id of its display name, compared without their separators
             -- ('llama-3.1-8b-instruct' and 'llama3.1-8b-instruct-q8-0' share 'llama3.18binstruct'):
             -- where that shared part ends in each id
    SELECT a.model, a.other, a.contained,
           CASE WHEN a.shared = 0 THEN 0 ELSE a.at[a.shared] END AS cut,
           CASE WHEN a.shared = 0 THEN 0 ELSE a.other_at[a.shared] END AS other_cut
    FROM (
        SELECT a.model, b.model AS other,
               list_filter(range(1, length(a.model) + 1), i -> a.model[i] NOT IN ('-', '_')) AS at,
               list_filter(range(1, length(b.model) + 1), i -> b.model[i] NOT IN ('-', '_')) AS other_at,
               (SELECT max(i) FROM range(0, least(length(a.bare), length(b.bare)) + 1) r(i)
                 WHERE a.bare[1:i] = b.bare[1:i]) AS shared,
               starts_with(b.bare, a.bare) AS contained
        FROM bare a
        JOIN bare b ON b.display_name = a.display_name AND b.model <> a.model
    ) a
),
siblings AS (  -- the longest of those shared parts that ends where a part of both ids ends (at '-' or '_',
               -- or the end): 'claude-instant-' of claude-instant-1.1 and claude-instant-1, not
               -- 'claude-instant-1.'; against the twins whose id does not merely continue this one's
               -- (llama3.1-8b-instruct-q8-0 is told from llama-3.1-8b-instruct by 'q8-0', not from
               -- its '-gguf' build by nothing), unless every twin does
    SELECT model, coalesce(max(shared) FILTER (WHERE NOT contained), max(shared)) AS shared,
           -- the shortest part it shares with a twin: what 'told_apart' falls back on where the nearest
           -- twin leaves two ids the same rest ('hf' of llama-2-70b-hf and of llama-2-70b-chat-hf)
           coalesce(min(shared) FILTER (WHERE NOT contained AND shared > 0), min(shared) FILTER (WHERE shared > 0))
               AS least_shared
    FROM (
        SELECT model, contained,
               CASE WHEN (length(model) = cut OR model[cut + 1] IN ('-', '_'))
                     AND (length(other) = other_cut OR other[other_cut + 1] IN ('-', '_')) THEN cut
                    ELSE length(regexp_replace(model[1:cut], '[^-_]*$', '')) END AS shared
        FROM pairs
    )
    GROUP BY model
),
told_apart AS (  -- the rest of the id after that prefix
    SELECT c.*, ltrim(c.model[s.shared + 1:], '-_') AS own, ltrim(c.model[s.least_shared + 1:], '-_') AS own_wide
    FROM counted c
    LEFT JOIN siblings s USING (model)
),
first_try AS (
    SELECT model, display_name, same_name, own_wide,
           CASE WHEN same_name = 1 THEN display_name
                WHEN release_date IS NOT NULL AND same_month = 1
                    THEN display_name || ' (' || strftime(release_date, '%b %Y') || ')'
                WHEN own = '' THEN display_name
                ELSE display_name || ' (' || own || ')'
           END AS name
    FROM told_apart
),
second_try AS (  -- a name two models reach (a model's own display name excepted): the wider rest of the id
    SELECT model, display_name, same_name,
           CASE WHEN count(*) OVER (PARTITION BY name) > 1 AND (name <> display_name OR same_name > 1)
                     AND coalesce(own_wide, '') NOT IN ('', model)
                THEN display_name || ' (' || own_wide || ')'
                ELSE name END AS name
    FROM first_try
)
SELECT model,  -- and one two models still reach is settled by the whole id
       CASE WHEN count(*) OVER (PARTITION BY name) > 1 AND (name <> display_name OR same_name > 1)
            THEN display_name || ' (' || model || ')'
            ELSE name END AS name
FROM second_try;
COMMENT ON VIEW model_names IS 'Per model: name (the display name, with its release month, or what tells its id apart from the others of that name, where models share a display name: unique among models).';
