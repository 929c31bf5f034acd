-- One row per intelligence index version and as-of date: how far the index reaches that day. The
-- newest release with a complete index (the coverage cut-off), how many models have one, and how many
-- notable models released by then do not (coverage_gaps lists them, with the reason). The newest
-- model and its release date come from one row, among the models with a release date: a model
-- without one is never called the newest (models_undated counts the complete ones left out).
CREATE OR REPLACE VIEW coverage AS
WITH complete AS (
    SELECT i.index_id, i.version, i.as_of, i.model, m.release_date
    FROM intelligence_index i
    JOIN models m USING (model)
    WHERE i.complete
    GROUP BY ALL
),
reach AS (
    SELECT index_id, version, as_of, max(release_date) AS newest_release,
           arg_max(model, (release_date, model)) FILTER (WHERE release_date IS NOT NULL) AS newest_model,
           count(*) AS models_complete, count(*) FILTER (WHERE release_date IS NULL) AS models_undated
    FROM complete
    GROUP BY ALL
),
gaps AS (
    SELECT index_id, version, as_of, count(*) AS notable_without_index,
           count(*) FILTER (WHERE release_date > r.newest_release) AS notable_after_cutoff
    FROM coverage_gaps g
    JOIN reach r USING (index_id, version, as_of)
    GROUP BY ALL
)
SELECT r.index_id, r.version, r.as_of, r.newest_release, r.newest_model, n.name AS newest_name,
       r.models_complete, r.models_undated, coalesce(g.notable_without_index, 0) AS notable_without_index,
       coalesce(g.notable_after_cutoff, 0) AS notable_after_cutoff
FROM reach r
JOIN model_names n ON n.model = r.newest_model
LEFT JOIN gaps g USING (index_id, version, as_of);
COMMENT ON VIEW coverage IS 'Per intelligence index_id, version and as_of: newest_release (the coverage cut-off: the newest release with a complete index), newest_model, newest_name (that model, released on newest_release: only models with a release date are candidates), models_complete, models_undated (complete models with no release date, never named the newest), notable_without_index (notable models released by then with no complete index; coverage_gaps lists them), notable_after_cutoff (of those, released after the cut-off).';
