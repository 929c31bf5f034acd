-- One row per as-of date and developer assessed by then in the Foundation Model Transparency Index
-- (Stanford CRFM): the developer's latest edition by that date, its total (indicators met, of those
-- assessed, on 0-100), its score in each domain (upstream, model, downstream), and the same
-- developer's total in its previous edition, if any.
CREATE OR REPLACE VIEW developer_transparency AS
WITH scored AS (
    SELECT creator, framework, edition, any_value(assessed_at) AS assessed_at,
           100 * sum(score) / count(*) AS total,
           100 * sum(score) FILTER (WHERE domain = 'Upstream') / nullif(count(*) FILTER (WHERE domain = 'Upstream'), 0)
               AS upstream,
           100 * sum(score) FILTER (WHERE domain = 'Model') / nullif(count(*) FILTER (WHERE domain = 'Model'), 0)
               AS model_domain,
           100 * sum(score) FILTER (WHERE domain = 'Downstream') / nullif(count(*) FILTER (WHERE domain = 'Downstream'), 0)
               AS downstream,
           count(*) AS indicators
    FROM developer_assessments
    WHERE framework = 'fmti'
    GROUP BY creator, framework, edition
),
editions AS (
    SELECT s.*, lag(s.edition) OVER w AS previous_edition, lag(s.total) OVER w AS previous_total
    FROM scored s
    WINDOW w AS (PARTITION BY s.creator ORDER BY s.assessed_at)
)
SELECT k.as_of, e.creator, coalesce(c.name, e.creator) AS developer, e.edition, e.assessed_at, e.total, e.upstream,
       e.model_domain, e.downstream, e.indicators, e.previous_edition, e.previous_total,
       e.total - e.previous_total AS change
FROM editions e
JOIN calendar k ON e.assessed_at <= k.as_of
LEFT JOIN creators c ON c.creator = e.creator
QUALIFY e.assessed_at = max(e.assessed_at) OVER (PARTITION BY k.as_of, e.creator);
COMMENT ON VIEW developer_transparency IS 'Per as_of and creator assessed by then: developer (name), its latest FMTI edition and assessed_at, total (0-100, share of indicators met), upstream, model_domain, downstream (0-100 each), indicators, previous_edition, previous_total, change (points since the previous edition).';
