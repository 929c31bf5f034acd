-- One row per as-of date and developer assessed by then in the Foundation Model Transparency Index
-- (Stanford CRFM): the developer's latest edition by that date, its total (indicators met, of those
-- assessed, on 0-100), its score in each domain (upstream, model, downstream), and its change since
-- its previous edition, if any. Editions may assess different indicators (FMTI replaced its set in
-- 2025), so the change is never one total less the other: it is taken over the indicators both
-- editions assessed (the same name, case and spacing aside), and only when those are at least half
-- of each edition's indicators; below that it is NULL and change_basis says why.
CREATE OR REPLACE VIEW developer_transparency AS
WITH assessed AS (
    SELECT creator, framework, edition, assessed_at, domain, score,
           lower(regexp_replace(trim(indicator), '\s+', ' ', 'g')) AS indicator_key
    FROM developer_assessments
    WHERE framework = 'fmti'
),
scored AS (
    SELECT creator, framework, edition, any_value(assessed_at) AS assessed_at,
           100 * sum(score) / count(*) AS total,
           100 * sum(score) FILTER (WHERE domain = 'Upstream') / nullif(count(*) FILTER (WHERE domain = 'Upstream'), 0)
               AS upstream,
           100 * sum(score) FILTER (WHERE domain = 'Model') / nullif(count(*) FILTER (WHERE domain = 'Model'), 0)
               AS model_domain,
           100 * sum(score) FILTER (WHERE domain = 'Downstream') / nullif(count(*) FILTER (WHERE domain = 'Downstream'), 0)
               AS downstream,
           count(*) AS indicators
    FROM assessed
    GROUP BY creator, framework, edition
),
editions AS (
    SELECT s.*, lag(s.edition) OVER w AS previous_edition, lag(s.total) OVER w AS previous_total,
           lag(s.indicators) OVER w AS previous_indicators
    FROM scored s
    WINDOW w AS (PARTITION BY s.creator ORDER BY s.assessed_at)
),
shared AS (
    SELECT e.creator, e.edition, count(*) AS shared_indicators,
           100 * sum(p.score) / count(*) AS previous_shared_score, 100 * sum(n.score) / count(*) AS shared_score
    FROM editions e
    JOIN assessed n ON n.creator = e.creator AND n.edition = e.edition
    JOIN assessed p ON p.creator = e.creator AND p.edition = e.previous_edition AND p.indicator_key = n.indicator_key
    GROUP BY e.creator, e.edition
),
compared AS (
    SELECT e.*, CASE WHEN e.previous_edition IS NOT NULL THEN coalesce(s.shared_indicators, 0) END AS shared_indicators,
           s.previous_shared_score, s.shared_score,
           2 * coalesce(s.shared_indicators, 0) >= greatest(e.indicators, e.previous_indicators) AS comparable
    FROM editions e
    LEFT JOIN shared s USING (creator, edition)
)
SELECT k.as_of, e.creator, coalesce(c.name, e.creator) AS developer, e.edition, e.assessed_at, e.total, e.upstream,
       e.model_domain, e.downstream, e.indicators, e.previous_edition, e.previous_total, e.shared_indicators,
       CASE WHEN e.comparable THEN e.previous_shared_score END AS previous_shared_score,
       CASE WHEN e.comparable THEN e.shared_score END AS shared_score,
       CASE WHEN e.comparable THEN e.shared_score - e.previous_shared_score END AS change,
       CASE WHEN e.comparable THEN format('on the {} indicators both editions share', e.shared_indicators)
            WHEN e.previous_edition IS NOT NULL
            THEN format('not comparable: the editions share {} of {} indicators', e.shared_indicators,
                        greatest(e.indicators, e.previous_indicators)) END AS change_basis
FROM compared e
JOIN calendar k ON e.assessed_at <= k.as_of
LEFT JOIN creators c ON c.creator = e.creator
QUALIFY e.assessed_at = max(e.assessed_at) OVER (PARTITION BY k.as_of, e.creator);
COMMENT ON VIEW developer_transparency IS 'Per as_of and creator assessed by then: developer (name), its latest FMTI edition and assessed_at, total (0-100, share of indicators met), upstream, model_domain, downstream (0-100 each), indicators, previous_edition, previous_total (that edition''s own total, over its own indicators), shared_indicators (assessed in both editions, by name), previous_shared_score and shared_score (0-100 over the shared indicators), change (shared_score - previous_shared_score; NULL unless the shared indicators are at least half of each edition''s), change_basis (which indicators the change is on, or why it is not comparable; NULL without a previous edition).';
