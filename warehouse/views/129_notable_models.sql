-- One row per intelligence index version with a report policy, as-of date and notable model released
-- by then: a language model of the period a buyer would consider (model_modality: it reads and
-- generates text), by the report policy's rule (released within its recent months, from one of its
-- known creators, with a price from its creator that day or open weights). The models the reports account for: those they cover, and those they
-- say they do not (coverage_gaps).
CREATE OR REPLACE VIEW notable_models AS
WITH first_party AS (
    SELECT DISTINCT p.as_of, p.model
    FROM price_as_of p
    JOIN endpoints e ON e.model = p.model AND e.provider = p.provider AND e.first_party
)
SELECT k.index_id, k.version, c.as_of, m.model, m.creator, m.release_date, f.model IS NOT NULL AS sold_first_party
FROM report_policies r
JOIN openness_known_creators k USING (index_id, version)
JOIN models m ON m.creator = k.creator
JOIN model_modality mm ON mm.model = m.model AND mm.language_model
JOIN calendar c ON m.release_date <= c.as_of
               AND m.release_date > c.as_of - to_months(r.openness_recent_months)
LEFT JOIN first_party f ON f.as_of = c.as_of AND f.model = m.model
WHERE (f.model IS NOT NULL OR coalesce(m.open_weights, false))
  -- Whether it generates text is data (model_modality); what it is for is not: models.dev lists an
  -- embedding model as text in, text out, so ids that name an embedding, reranking or safety
  -- classifier still mark models an intelligence index does not cover.
  AND NOT regexp_matches(m.model, '(embed|rerank|moderation|safety|guard)');
COMMENT ON VIEW notable_models IS 'Per intelligence index_id, version (with a report policy), as_of and notable model released by then (the policy''s known creators, its recent months, a first-party price that day or open weights; a language model by model_modality, no embedding, reranking or safety model): creator, release_date, sold_first_party.';
