-- One row per intelligence index version, as-of date and model: whether the reports can place the
-- model on that version's index that day, and if not, why: no house runs on the version's
-- evaluations, runs missing some of them, retired by its creator (in model_buyable's words), or no
-- price valid that day. A report lists a subscriber's focus model it cannot place with this reason,
-- never silently.
CREATE OR REPLACE VIEW model_placement AS
WITH versions AS (
    SELECT index_id, version, count(*) AS evaluations
    FROM index_evaluations JOIN index_versions USING (index_id, version)
    WHERE kind = 'intelligence'
    GROUP BY ALL
),
indexed AS (
    SELECT index_id, version, as_of, model, bool_or(complete) AS complete, max(n_evals) AS n_evals
    FROM intelligence_index
    GROUP BY ALL
),
priced AS (
    SELECT index_id, version, as_of, model, bool_or(total_usd IS NOT NULL) AS priced
    FROM intelligence_cost
    GROUP BY ALL
)
SELECT v.index_id, v.version, k.as_of, m.model, n.name AS display_name,
       coalesce(i.complete, false) AND coalesce(p.priced, false) AS placed,
       CASE WHEN m.release_date > k.as_of THEN 'not released by ' || strftime(k.as_of, '%d %b %Y')
            WHEN NOT b.buyable THEN b.why
            WHEN i.model IS NULL THEN 'no house runs on the evaluations of this index version by then'
            WHEN NOT i.complete THEN 'house runs on ' || i.n_evals || ' of the ' || v.evaluations
                                     || ' evaluations of this index version'
            WHEN NOT coalesce(p.priced, false) THEN 'no price valid on ' || strftime(k.as_of, '%d %b %Y')
       END AS reason
FROM versions v
CROSS JOIN calendar k
CROSS JOIN models m
JOIN model_names n ON n.model = m.model
LEFT JOIN indexed i ON i.index_id = v.index_id AND i.version = v.version AND i.as_of = k.as_of AND i.model = m.model
LEFT JOIN model_buyable b ON b.as_of = k.as_of AND b.model = m.model
LEFT JOIN priced p ON p.index_id = v.index_id AND p.version = v.version AND p.as_of = k.as_of AND p.model = m.model;
COMMENT ON VIEW model_placement IS 'Per index_id, version, as_of and model: display_name, placed (a complete index and a cost to run that day) and reason when not (not released yet, retired, no house runs, runs missing evaluations, no price valid that day).';
