-- One row per model whose release date is in doubt: the catalogues that date it (each source's
-- latest read, every name it gives the model) disagree by more than 30 days, or the date it holds
-- precedes its creator's first release that two catalogues agree on (a date with the wrong year,
-- such as one read from a '-0905' suffix), or its id carries a date (model_dates.id_date: '-2512',
-- '-20241022') more than 31 days after it, or more than a year before it. The warehouse holds one date per model, the most
-- trusted source's (Epoch AI's model versions decide, other catalogues fill gaps); a doubt is
-- settled in warehouse/identity/release_dates.csv with its evidence, which then decides
-- (release_date_source 'curated', resolved = true).
CREATE OR REPLACE VIEW release_date_conflicts AS
WITH latest AS (
    SELECT source, max(batch_id) AS batch_id FROM name_resolutions GROUP BY source
),
claims AS (
    SELECT r.source, r.model, min(r.release_date) AS first_claim, max(r.release_date) AS last_claim
    FROM name_resolutions r
    JOIN latest USING (source, batch_id)
    WHERE r.kind = 'models' AND r.model IS NOT NULL AND r.release_date IS NOT NULL
    GROUP BY ALL
),
spread AS (
    SELECT model, min(first_claim) AS earliest, max(last_claim) AS latest, count(*) AS sources,
           string_agg(source || ' ' || first_claim
                      || CASE WHEN last_claim <> first_claim THEN ' and ' || last_claim ELSE '' END,
                      '; ' ORDER BY first_claim, source) AS claims
    FROM claims
    GROUP BY model
),
creator_first AS (  -- each creator's earliest release that two catalogues agree on within 30 days
    SELECT m.creator, min(s.earliest) AS first_release
    FROM spread s
    JOIN models m USING (model)
    WHERE s.sources >= 2 AND s.latest - s.earliest <= 30
    GROUP BY m.creator
)
SELECT m.model, m.creator, m.release_date, m.release_date_source, s.claims, d.id_date,
       s.latest - s.earliest AS spread_days, f.first_release AS creator_first_release,
       concat_ws('; ',
                 CASE WHEN s.latest - s.earliest > 30
                      THEN 'the catalogues disagree by ' || (s.latest - s.earliest) || ' days' END,
                 CASE WHEN m.release_date < f.first_release
                      THEN 'dated before its creator''s first agreed release (' || f.first_release || ')' END,
                 CASE WHEN m.release_date < d.id_date - 31
                      THEN 'its id carries a later date (' || d.id_date || ', to the ' || d.id_date_precision || ')'
                      WHEN m.release_date > d.id_date + 366
                      THEN 'its id carries a date more than a year earlier (' || d.id_date || ')' END)
           AS problem,
       coalesce(m.release_date_source = 'curated', false) AS resolved
FROM models m
JOIN model_dates d USING (model)
LEFT JOIN spread s USING (model)
LEFT JOIN creator_first f USING (creator)
WHERE s.latest - s.earliest > 30 OR m.release_date < f.first_release OR m.release_date < d.id_date - 31
   OR m.release_date > d.id_date + 366;
COMMENT ON VIEW release_date_conflicts IS 'Per model whose release date is in doubt: creator, release_date held and release_date_source, claims (each catalogue''s dates), id_date (the date its id carries), spread_days, creator_first_release, problem, resolved (settled in warehouse/identity/release_dates.csv).';
