-- One row per openness index version, as-of date and model whose Openness Index, or what it rests
-- on, differs from three months before (previous_as_of: for a quarter's last day, the previous
-- quarter's), or that was scored for the first time. Two scores compare like for like only on the
-- same basis: the same source (derived_from) and, component by component, the same criteria of that
-- source. So kind says what the row is:
--   'openness'  the same source, and a component assessed on the same criteria both times moved;
--               change is the move of those components only, in index points (their levels' sum
--               difference / 18 x 100; the whole score's move when nothing else changed);
--   'coverage'  the same source, but the score moved only through components assessed anew, no
--               longer, or on other criteria (an outside framework's page filled in): rebased;
--   'source'    another source (derived from EOSAI / MOF, then assessed by the house): never an
--               openness change, whatever the two scores;
--   'new'       no score three months before.
-- A partial overlap (kind 'openness' with rebased components) is compared on the shared components
-- and the rest listed apart; change is NULL for every other kind, and basis says which it is. A
-- same-source row whose levels all stayed (criteria added without moving a level) is left out.
CREATE OR REPLACE VIEW openness_change AS
WITH components AS (
    SELECT index_id, version, list(component ORDER BY position) AS keys, list(name ORDER BY position) AS names
    FROM openness_components
    GROUP BY ALL
),
paired AS (
    SELECT n.index_id, n.version, n.as_of, quarter_before(n.as_of) AS previous_as_of,
           n.model, b.score AS score_before, n.score AS score_after, b.derived_from AS derived_from_before,
           n.derived_from, b.model IS NOT NULL AND b.derived_from = n.derived_from AS same_source,
           [n.weights_access, n.weights_licence, n.data_access, n.data_licence, n.methodology, n.training_code]
               AS after_levels,
           [b.weights_access, b.weights_licence, b.data_access, b.data_licence, b.methodology, b.training_code]
               AS before_levels,
           b.assessed AS before_assessed, n.assessed AS after_assessed
    FROM openness_index_as_of n
    LEFT JOIN openness_index_as_of b
           ON b.index_id = n.index_id AND b.version = n.version AND b.model = n.model
          AND b.as_of = quarter_before(n.as_of)
),
compared AS (
    SELECT p.*, c.keys, c.names,
           -- a component is shared when both scores rest on the same criteria of the same source for it
           [p.same_source AND p.after_assessed[c.keys[i]] IS NOT NULL
                AND p.after_assessed[c.keys[i]] = p.before_assessed[c.keys[i]] FOR i IN range(1, 7)] AS shared,
           [p.same_source AND p.after_assessed[c.keys[i]] IS DISTINCT FROM p.before_assessed[c.keys[i]]
                FOR i IN range(1, 7)] AS rebased_at
    FROM paired p
    JOIN components c USING (index_id, version)
),
described AS (
    SELECT *,
           [{'component': names[i], 'before': before_levels[i], 'after': after_levels[i]}
            FOR i IN range(1, 7) IF shared[i] AND before_levels[i] <> after_levels[i]] AS moved,
           [{'component': names[i],
             'before': CASE WHEN before_assessed[keys[i]] IS NOT NULL THEN before_levels[i] END,
             'after': CASE WHEN after_assessed[keys[i]] IS NOT NULL THEN after_levels[i] END}
            FOR i IN range(1, 7) IF rebased_at[i]] AS rebased,
           len(list_filter(shared, s -> s)) AS shared_components,
           coalesce(list_sum([after_levels[i] - before_levels[i] FOR i IN range(1, 7) IF shared[i]]), 0) AS shared_move
    FROM compared
),
kinds AS (
    SELECT *,
           CASE WHEN score_before IS NULL THEN 'new'
                WHEN NOT same_source THEN 'source'
                WHEN len(moved) > 0 THEN 'openness'
                ELSE 'coverage' END AS kind
    FROM described
    WHERE score_before IS NULL OR NOT same_source OR before_levels <> after_levels
)
SELECT k.index_id, k.version, k.as_of, k.previous_as_of, k.model, m.name AS display_name, k.kind,
       k.score_before, k.score_after, k.derived_from_before, k.derived_from,
       CASE WHEN k.kind = 'openness' THEN round(100 * k.shared_move / 18, 2) END AS change,
       CASE WHEN k.kind IN ('openness', 'coverage') THEN k.shared_components END AS shared_components,
       CASE k.kind
            WHEN 'new' THEN 'first scored, ' || k.derived_from
            WHEN 'source' THEN format('now {}: {:.1f}, was {:.1f} {}',
                                      CASE k.derived_from WHEN 'house assessment' THEN 'assessed by the house'
                                           ELSE k.derived_from END,
                                      k.score_after, k.score_before, k.derived_from_before)
            WHEN 'openness' THEN format('{}, on the {} components assessed the same way both times',
                                        k.derived_from, k.shared_components)
            ELSE format('{}, components assessed anew or on other criteria: not an openness change', k.derived_from)
       END AS basis,
       k.moved, k.rebased
FROM kinds k
JOIN model_names m USING (model);
COMMENT ON VIEW openness_change IS 'Per openness index_id, version, as_of and model whose index or its basis changed since previous_as_of (three months before), or that was first scored: display_name, kind (openness: a component assessed the same way both times moved; coverage: only components assessed anew, no longer or on other criteria; source: another derived_from; new), score_before (NULL when new), score_after, derived_from_before, derived_from, change (kind openness only: the shared components'' move, levels / 18 x 100), shared_components (assessed on the same criteria of the same source both times), basis (what the row compares, in words), moved (shared components that moved: component, before, after), rebased (components assessed anew, no longer or on other criteria: component, before, after, NULL where not assessed).';
